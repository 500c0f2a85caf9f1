def outer():
    x = 0
    def inner():
        nonlocal x
        x += 1
        return x
    inner(); inner()
    return x, inner()
print(outer())
def a():
    v = "a"
    def b():
        def c():
            nonlocal v
            v = "c"
        c()
    b()
    return v
print(a())
