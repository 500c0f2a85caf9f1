x: int = 5
y: "str"
print(x, __annotations__)
def f(a: int, b: str = "s") -> bool:
    return True
print(f.__annotations__)
class C:
    attr: int
    other: list = []
print(C.__annotations__, C.other)
