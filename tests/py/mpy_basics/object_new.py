class A:
    def __init__(self):
        print("init not called")
a = object.__new__(A)
print(type(a).__name__)
try:
    object.__new__(int)
except TypeError as e:
    print(e)
class B:
    def __new__(cls, *args):
        o = super().__new__(cls)
        o.args = args
        return o
print(B(1, 2).args)
