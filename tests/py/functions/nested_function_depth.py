def a(x):
    def b(y):
        def c(z):
            def d(w):
                return x + y + z + w
            return d
        return c
    return b
print(a(1)(2)(3)(4))
