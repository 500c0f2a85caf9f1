import enum
class Shape(enum.Enum):
    SQUARE = 2
    DIAMOND = 1
    ALIAS_FOR_SQUARE = 2
print(Shape.ALIAS_FOR_SQUARE, list(Shape), Shape(2).name)
try:
    @enum.unique
    class Bad(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
