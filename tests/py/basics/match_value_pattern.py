import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class K:
    LIMIT = 10
def m(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case K.LIMIT:
            return "limit"
        case _:
            return "?"
print(m(Color.RED), m(Color.GREEN), m(10), m(3))
