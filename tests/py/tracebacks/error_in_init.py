class Widget:
    def __init__(self, size):
        self.size = size
        self.area = size * size
        self.check()
    def check(self):
        if self.area > 100:
            raise ValueError(f"widget too large: {self.area}")
w = Widget(5)
w2 = Widget(20)
