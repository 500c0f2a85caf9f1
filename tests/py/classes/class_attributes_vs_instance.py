class C:
    shared = []
    def __init__(self, v):
        self.own = [v]
        self.shared.append(v)
a, b = C(1), C(2)
print(a.own, b.own, a.shared, C.shared is b.shared)
print("own" in vars(a), "shared" in vars(a), "shared" in C.__dict__)
