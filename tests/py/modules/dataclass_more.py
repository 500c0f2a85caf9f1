from dataclasses import dataclass, field, fields, asdict, is_dataclass, KW_ONLY
@dataclass
class Base:
    x: int
    y: int = 0
@dataclass
class Child(Base):
    z: int = 5
    _: KW_ONLY
    flag: bool = False
c = Child(1, 2, 3, flag=True)
print(c, is_dataclass(c), [f.name for f in fields(Child)], asdict(c))
@dataclass(slots=True)
class S:
    a: int
print(S(1), hasattr(S(1), "__dict__"), S.__slots__)
@dataclass(eq=True, unsafe_hash=True)
class H:
    v: int
    ignored: list = field(default_factory=list, hash=False, compare=False)
print(hash(H(1)) == hash(H(1, [9])), H(1) == H(1, [2]))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Mut:
        a: list = []
except ValueError as e:
    print(e)
