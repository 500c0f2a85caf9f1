def outer():
    def inner(): pass
    return inner
print(outer().__qualname__, outer.__qualname__, (lambda: 0).__qualname__, outer().__name__)
class C:
    def m(self):
        def loc(): pass
        return loc
print(C.m.__qualname__, C().m().__qualname__)
