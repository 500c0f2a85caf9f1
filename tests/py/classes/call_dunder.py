class Poly:
    def __init__(self, *c): self.c = c
    def __call__(self, x):
        return sum(k * x ** i for i, k in enumerate(self.c))
p = Poly(1, 0, 2)
print(p(0), p(1), p(3), [p(i) for i in range(4)])
