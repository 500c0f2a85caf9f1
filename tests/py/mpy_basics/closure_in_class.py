def make(v):
    class C:
        def get(self): return v
    return C
print(make(1)().get(), make("x")().get())
