f(1 for x in y, z)
