class A:
    @property
    def v(self): return "A.v"
class B(A):
    @property
    def v(self): return "B(" + super().v + ")"
print(B().v)
class C(A):
    v = "plain"
print(C().v)
