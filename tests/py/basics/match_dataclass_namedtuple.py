from dataclasses import dataclass
from collections import namedtuple
@dataclass
class Pt:
    x: int
    y: int
NT = namedtuple("NT", "a b")
def m(v):
    match v:
        case Pt(0, y):
            return f"on y axis at {y}"
        case Pt(x=x, y=0):
            return f"on x axis at {x}"
        case Pt(x, y) if x == y:
            return "diagonal"
        case NT(1, b):
            return f"NT starting 1, b={b}"
        case (a, b):
            return f"generic pair {a},{b}"
    return "nothing"
for v in (Pt(0, 5), Pt(3, 0), Pt(2, 2), Pt(1, 2), NT(1, "q"), NT(2, "r"), [7, 8]):
    print(m(v))
print(Pt.__match_args__, NT.__match_args__)
