class C:
    "doc of C"
    x = 1
print(C.__doc__, C.__name__, C.__qualname__, C.__module__, C.__base__.__name__, len(C.__mro__))
print(sorted(k for k in C.__dict__ if not k.startswith("__")), "__dict__" in C.__dict__, "__weakref__" in dir(C))
C.__name__ = "Renamed"
print(C.__name__, C)
