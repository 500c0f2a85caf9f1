if 1:
    x = 1
    
  # c
    y = 2
