class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
class B(A):
    pass
assert B(1) == A(1)
assert isinstance(B(1), A)
assert B.__bases__ == (A,)
assert B.__mro__ == (B, A, object)
assert len({A(1), B(1)}) == 1
assert A.__name__ == "A" and A.__qualname__ == "A"
assert type(A(1)) is A
assert getattr(A(2), "v") == 2
assert hasattr(A, "__init__")
print("classes ok")
