from dataclasses import dataclass, field, asdict, astuple, replace, fields
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1)
print(p, p == Point(1, 0, []), asdict(p), astuple(Point(2, 3)), replace(p, y=5), [f.name for f in fields(p)])
@dataclass(frozen=True, order=True)
class V:
    a: int
    b: str = "z"
print(V(1) < V(2), sorted([V(2, "a"), V(1, "b")]), hash(V(1)) == hash(V(1)))
try:
    V(1).a = 5
except Exception as e:
    print(type(e).__name__, e)
try:
    Point()
except TypeError as e:
    print(e)
