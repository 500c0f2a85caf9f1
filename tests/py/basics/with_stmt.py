class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n); return self.n * 10
    def __exit__(self, t, v, tb):
        print("exit", self.n, t.__name__ if t else None); return False
with CM(1) as a, CM(2) as b:
    print(a, b)
try:
    with CM(3):
        raise ValueError("x")
except ValueError as e:
    print("propagated", e)
