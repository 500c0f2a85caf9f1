print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(3 + 4j), abs(-(2 ** 100)), abs(True))
print(-(-5), +(-5), -0, -0.0, +True)
