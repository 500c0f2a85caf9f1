class C:
    x = "class"
    def __init__(self): self.y = "inst"
c = C()
print(object.__getattribute__(c, "y"), object.__getattribute__(c, "x"), type.__getattribute__(C, "x"))
object.__setattr__(c, "z", 1)
print(c.__dict__, vars(c) is c.__dict__)
c.__dict__ = {"w": 2}
print(c.w, hasattr(c, "y"))
try:
    object.__setattr__(1, "a", 1)
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
