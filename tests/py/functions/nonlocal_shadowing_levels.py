x = "global"
def a():
    x = "a"
    def b():
        x = "b"
        def c():
            nonlocal x
            x = "c"
            return x
        c()
        return x
    return b(), x
print(a(), x)
