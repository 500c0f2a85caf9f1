class C:
    x = 1
c = C()
c.__dict__["y"] = 2
print(c.y, sorted(c.__dict__), "x" in C.__dict__)
C.z = 3
print(c.z)
del C.z
print(hasattr(c, "z"))
