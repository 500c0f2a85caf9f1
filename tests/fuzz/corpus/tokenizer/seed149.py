x = 1e5j
