def f():
    "function doc"
class C:
    """class doc"""
    def m(self):
        """method doc"""
print(f.__doc__, C.__doc__, C.m.__doc__)
def g(): pass
print(g.__doc__)
print(__doc__)
