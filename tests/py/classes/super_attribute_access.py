class A:
    x = "A.x"
    def __init__(self): self.y = "inst"
class B(A):
    x = "B.x"
    def show(self):
        return super().x, self.x, super().__init__ is not None
print(B().show())
try:
    super(B, B()).y
except AttributeError as e:
    print(e)
