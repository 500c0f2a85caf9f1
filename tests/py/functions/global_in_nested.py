x = 0
def outer():
    def inner():
        global x
        x = 42
    inner()
outer()
print(x)
