class A:
    def f(self):
        def inner():
            return super().f()
        return inner()
try:
    A().f()
except RuntimeError as e:
    print(e)
def free():
    return super().x
try:
    free()
except RuntimeError as e:
    print(e)
try:
    super(int, "s")
except TypeError as e:
    print(e)
