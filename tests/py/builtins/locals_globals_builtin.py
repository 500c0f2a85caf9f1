x_global = 1
def f(a):
    b = a + 1
    return sorted(locals())
print(f(1))
print("x_global" in globals(), globals() is globals(), type(globals()).__name__)
class C:
    y = 2
    keys = sorted(k for k in locals() if not k.startswith("__"))
print(C.keys)
