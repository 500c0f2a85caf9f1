from fractions import Fraction
class Matrix:
    def __init__(self, rows):
        self.rows = [list(map(Fraction, r)) for r in rows]
        self.n = len(rows)
    def det(self):
        m = [r[:] for r in self.rows]
        d = Fraction(1)
        for c in range(self.n):
            p = next((r for r in range(c, self.n) if m[r][c] != 0), None)
            if p is None:
                return Fraction(0)
            if p != c:
                m[c], m[p] = m[p], m[c]
                d = -d
            d *= m[c][c]
            for r in range(c + 1, self.n):
                f = m[r][c] / m[c][c]
                m[r] = [a - f * b for a, b in zip(m[r], m[c])]
        return d
    def __mul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, col)) for col in zip(*o.rows)] for r in self.rows])
    def __str__(self):
        return "\n".join(" ".join(f"{str(x):>5}" for x in r) for r in self.rows)
A = Matrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
B = Matrix([[1, 2, 3], [0, 1, 4], [5, 6, 0]])
print(A.det(), B.det(), (A * B).det(), A.det() * B.det())
print(A * B)
