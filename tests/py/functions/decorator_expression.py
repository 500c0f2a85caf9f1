buttons = [lambda f: (print("first", f.__name__), f)[1]]
@buttons[0]
def a(): pass
@(lambda f: f)
def b(): return "b"
print(b())
