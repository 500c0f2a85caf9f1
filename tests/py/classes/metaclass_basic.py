class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["added"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a):
        print("creating", cls.__name__)
        return super().__call__(*a)
class A(metaclass=Meta):
    def __init__(self, v): self.v = v
a = A(5)
print(a.v, A.added, type(A).__name__, isinstance(A, Meta))
class B(A): pass
print(B.added, type(B).__name__)
