import sys
def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, getattr(u.object, "__qualname__", u.object))
sys.unraisablehook = hook
class Bad:
    def __del__(self):
        raise ValueError("error in __del__")
b = Bad()
del b
print("continues after ignored exception")
