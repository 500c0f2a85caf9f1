class A:
    def __init__(self, x):
        super().__init__()
        self.x = x
print(A(1).x)
class B:
    def __new__(cls, x):
        return super().__new__(cls)
print(type(B(1)).__name__)
class C:
    def __init__(self, x):
        super().__init__(x)
try:
    C(1)
except TypeError as e:
    print(e)
