class NotIterable:
    __iter__ = None
try:
    iter(NotIterable())
except TypeError as e:
    print(e)
class Base:
    def __hash__(self): return 42
class Child(Base):
    pass
class EqChild(Base):
    def __eq__(self, o): return True
print(hash(Child()), EqChild.__hash__ is None)
class NotContainer:
    __contains__ = None
try:
    1 in NotContainer()
except TypeError as e:
    print(e)
