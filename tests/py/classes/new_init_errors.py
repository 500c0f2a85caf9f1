class A:
    pass
try:
    A(1)
except TypeError as e:
    print(e)
class B:
    def __init__(self): return 5
try:
    B()
except TypeError as e:
    print(e)
class C:
    def __init__(self, x): pass
try:
    C()
except TypeError as e:
    print(e)
