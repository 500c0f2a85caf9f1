print(type(1), type("a"), type([]), type(type), type(None), type(len), type(lambda: 0).__name__)
print(int.__name__, int.__qualname__, int.__module__, type.__module__, list.__mro__, bool.__bases__)
print(isinstance(int, type), type(int) is type, object.__bases__, type.__base__)
class C: pass
print(C, C.__name__, C.__module__, C.__qualname__, type(C()), C.__bases__)
