def a():
    class B:
        def c(self):
            def d():
                return d.__qualname__
            return d()
        class E:
            pass
    return B().c(), B.E.__qualname__, B.c.__qualname__
print(a())
print((lambda: (lambda: 0))().__qualname__)
print([lambda: 0][0].__qualname__, (x for x in []).__qualname__)
