x = 1 +* 2
if 1:
    a
  b
