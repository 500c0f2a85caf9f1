x = 1J
