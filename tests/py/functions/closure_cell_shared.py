def pair():
    v = 0
    def get(): return v
    def set_(n):
        nonlocal v
        v = n
    return get, set_
g, s = pair()
s(5); print(g())
s("x"); print(g())
