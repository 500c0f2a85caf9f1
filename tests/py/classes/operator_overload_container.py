class Matrix:
    def __init__(self, rows): self.rows = rows
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __len__(self): return len(self.rows)
    def __iter__(self): return iter(self.rows)
    def __eq__(self, o): return isinstance(o, Matrix) and self.rows == o.rows
    def __mul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __repr__(self): return f"Matrix({self.rows})"
m = Matrix([[1, 2], [3, 4]])
print(m[0, 1], len(m), list(m), m * m, m == Matrix([[1, 2], [3, 4]]), m != m)
