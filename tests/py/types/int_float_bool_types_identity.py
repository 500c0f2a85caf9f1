print(type(1) is int, type(1.0) is float, type(True) is bool, type(1j) is complex, int is not bool)
print(int.__bases__, float.__bases__, bool.__bases__, complex.__bases__, str.__bases__, list.__bases__)
print(isinstance(True, (float, int)), issubclass(type(None), object), type(type(None)).__name__)
