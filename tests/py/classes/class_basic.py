class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.norm2(), Point.dims, p.dims, sorted(vars(p).items()))
p.dims = 3
print(p.dims, Point.dims)
