class Outer:
    class Inner:
        class Deep: pass
print(Outer.Inner.__name__, Outer.Inner.__qualname__, Outer.Inner.Deep.__qualname__, Outer.__module__)
def f():
    class Local: pass
    return Local
print(f().__qualname__)
print(repr(Outer.Inner))
