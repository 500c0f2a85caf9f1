print(isinstance(1, (int, float)), isinstance(1.0, int), isinstance(True, int), type(1) == int, type(True) == int)
print(issubclass(int, object), issubclass(float, int), issubclass(bool, (str, int)))
