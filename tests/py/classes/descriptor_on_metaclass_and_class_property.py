class Meta(type):
    @property
    def registry_size(cls):
        return len(cls.__dict__)
class C(metaclass=Meta):
    a = 1
print(type(C.registry_size).__name__, hasattr(C(), "registry_size"))
class Const:
    def __init__(self, v): self.v = v
    def __get__(self, obj, owner): return self.v if obj is None else self.v * 2
class D:
    k = Const(10)
print(D.k, D().k)
