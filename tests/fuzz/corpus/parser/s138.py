[x * y for x in range(3) for y in range(x) if x if y]
