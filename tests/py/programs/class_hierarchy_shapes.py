import math
class Shape:
    registry = {}
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Shape.registry[cls.__name__.lower()] = cls
    def area(self): raise NotImplementedError
    def __lt__(self, o): return self.area() < o.area()
    def __repr__(self): return f"{type(self).__name__}({self.area():.2f})"
class Circle(Shape):
    def __init__(self, r): self.r = r
    def area(self): return math.pi * self.r ** 2
class Rect(Shape):
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
class Square(Rect):
    def __init__(self, s): super().__init__(s, s)
shapes = [Shape.registry[n](*a) for n, a in [("circle", (1,)), ("rect", (2, 3)), ("square", (2,)), ("circle", (0.5,))]]
print(sorted(shapes), sorted(Shape.registry), max(shapes), [isinstance(s, Rect) for s in shapes])
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
