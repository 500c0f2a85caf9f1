class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
def g():
    r = yield from It()
    print("result of yield from plain iterator:", r)
print(list(g()))
def h():
    yield from []
    yield from ()
    yield from {}
    return "empty ok"
try:
    next(h())
except StopIteration as e:
    print(e.value)
