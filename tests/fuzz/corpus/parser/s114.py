x = not a and b or c
