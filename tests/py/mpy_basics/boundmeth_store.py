class A:
    def f(self, x): return x * 2
m = A().f
l = [m, A().f]
print([g(3) for g in l])
