print(round(3.14159, 2), round(2.5), round(-0.5), round(7), round(7, -1), round(15, -1), round(25, -1), round(0.125, 2), round(0.375, 2))
print(round(1.23456789e10, -5), round(-1.5), round(2.675, 2), type(round(5, 1)).__name__, round(5.5, None))
class R:
    def __round__(self, nd=None): return ("R", nd)
print(round(R()), round(R(), 3))
try:
    round("x")
except TypeError as e:
    print(e)
