class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.created_by = "Registry"
        return inst
class Base(metaclass=Registry):
    def __init__(self, v=0): self.v = v
class Sub(Base): pass
s = Sub(3)
print(Registry.classes, s.v, s.created_by, type(Sub).__name__)
