print([round(x + 0.5) for x in range(-4, 5)])
print([round(n, -1) for n in (5, 15, 25, 35, -5, -15)])
