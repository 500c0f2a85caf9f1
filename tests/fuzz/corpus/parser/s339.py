x, = y
