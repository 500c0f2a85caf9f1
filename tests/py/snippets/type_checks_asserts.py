assert type(1) is int and type(1.0) is float and type("") is str
assert type(None).__name__ == "NoneType"
assert isinstance([], (list, tuple))
assert issubclass(bool, int) and not issubclass(int, bool)
assert type(type) is type
assert type.__mro__ == (type, object)
assert object.__mro__ == (object,)
print("types ok")
