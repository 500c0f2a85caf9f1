row = [0] * 3
grid = [row] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
a = [1, 2]
b = a
b += [3]
print(a)
b = b + [4]
print(a, b)
