class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): return self.n
    def __exit__(self, *a): print("exit", self.n)
with (CM(1) as a,
      CM(2) as b):
    print(a + b)
with (CM(3)):
    print("single")
