class Date:
    def __init__(self, y, m, d): self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, s): return cls(*map(int, s.split("-")))
    def __repr__(self): return f"Date({self.y}, {self.m}, {self.d})"
class MyDate(Date): pass
print(Date.parse("2024-01-05"), type(MyDate.parse("1-2-3")).__name__)
