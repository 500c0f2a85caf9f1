print(..., repr(...), Ellipsis is ..., type(...).__name__)
print(NotImplemented, type(NotImplemented).__name__)
class A:
    def __eq__(self, o): return NotImplemented
print(A() == A(), A() != 1)
