class Meta(type):
    def __repr__(cls): return f"<class {cls.__name__} via Meta>"
class X(metaclass=Meta): pass
print(X, repr(X), [X])
