A = [[1, 2], [3, 4]]
B = [[5, 6], [7, 8]]
C = [[sum(a * b for a, b in zip(row, col)) for col in zip(*B)] for row in A]
print(C)
print([list(r) for r in zip(*A)])
print([[A[i][j] + B[i][j] for j in range(2)] for i in range(2)])
