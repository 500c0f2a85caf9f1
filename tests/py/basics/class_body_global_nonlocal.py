counter = 0
class C:
    global counter
    counter += 1
    x = counter
print(counter, C.x)
def f():
    v = "enclosing"
    class D:
        nonlocal v
        v = "changed in class"
    return v
print(f())
