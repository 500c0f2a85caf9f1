class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
m = MyInt(5)
print(m, m + 1, type(m + 1).__name__, repr(m), isinstance(m, int), m == 5, hash(m) == hash(5))
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-3), type(Pos(-3)).__name__)
