print(isinstance(1, int), isinstance(1, (str, float)), isinstance("a", (int, (str,))), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(type, object), issubclass(object, type))
print(isinstance(int, type), isinstance([], list | tuple), isinstance(1, int | None))
