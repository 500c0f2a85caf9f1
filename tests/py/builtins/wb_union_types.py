u = int | None
print(u, type(u), u.__args__, type(u).__name__, type(u).__module__)
print(int | str | int, (int | str) == (str | int), hash(int | str) == hash(str | int), int | int)
print(isinstance(1, int | str), isinstance(None, int | None), isinstance(1.0, int | str), isinstance(1, (str, int | float)))
print(issubclass(bool, int | str), issubclass(float, int | str))
print(None | int, list | dict | None)
class C: pass
print(int | C)
def f(x: int | None = None) -> str | None: return x
print(f.__annotations__)
try:
    1 | int
except TypeError as e:
    print(e)
try:
    int | 1
except TypeError as e:
    print(e)
try:
    issubclass(1, int | str)
except TypeError as e:
    print(e)
import types
print(types.UnionType if hasattr(types, 'UnionType') else 'no UnionType')
