m = [[i * j for j in range(1, 5) if (i + j) % 2 == 0] for i in range(1, 5) if i != 3]
print(m)
flat = [x for row in m for x in row if x > 2]
print(flat, [y for y in [x * 2 for x in range(5)] if y % 4 == 0])
print({(a, b) for a in range(3) for b in range(a) if a + b > 1})
