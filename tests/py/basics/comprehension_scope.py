x = "outer"
l = [x for x in range(3)]
print(x, l)
def f():
    y = 10
    return [y + i for i in range(3)]
print(f())
class C:
    v = 5
    items = [i for i in range(3)]
    try:
        bad = [v for i in range(3)]
    except NameError as e:
        err = str(e)
print(C.items, C.err)
print([i for i in range(3)], "i" in globals())
