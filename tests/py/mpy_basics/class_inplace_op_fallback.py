class A:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        print("__add__")
        return A(self.v + o)
    def __radd__(self, o):
        print("__radd__")
        return A(o + self.v)
a = A(1)
a += 2
print(a.v)
b = 5
b += A(1)
print(b.v)
class I:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "fell back to __add__"
x = I()
x += 1
print(x)
