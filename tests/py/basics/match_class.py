class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
def m(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis {yy}"
        case Point(xx, 0):
            return f"on x axis {xx}"
        case Point():
            return "somewhere"
        case int(n) if n > 0:
            return f"positive int {n}"
        case str() | bytes():
            return "stringish"
        case _:
            return "unknown"
for v in (Point(0, 0), Point(0, 3), Point(4, 0), Point(1, 1), 7, -7, "s", b"b"):
    print(m(v))
