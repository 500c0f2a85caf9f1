class Base:
    pass
try:
    class Child(Base, flavor="x"):
        pass
except TypeError as e:
    print(e)
class WithHook:
    def __init_subclass__(cls, /, tag, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class K(WithHook, tag="t1"): pass
print(K.tag)
try:
    class K2(WithHook): pass
except TypeError as e:
    print(e)
