class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append(cls.__name__)
class A(Base): pass
class B(A): pass
assert Base.registry == ["A", "B"]
class P:
    __slots__ = ("a",)
assert not hasattr(P(), "__dict__")
class Q:
    @property
    def v(self): return 1
assert Q().v == 1
assert isinstance(Q.v, property)
class R:
    def __eq__(self, o): return True
assert R.__hash__ is None
assert R() == 1
class S:
    def __repr__(self): return "S!"
assert str(S()) == "S!" and f"{S()!r}" == "S!"
print("class features ok")
