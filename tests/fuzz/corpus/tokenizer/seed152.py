x = 0e0
