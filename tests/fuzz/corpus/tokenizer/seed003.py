x = (1,
     2)  # tail
