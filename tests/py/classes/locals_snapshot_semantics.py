def f():
    x = 1
    l = locals()
    x = 2
    print(l["x"], locals()["x"])
    l["y"] = 5
    try:
        y
    except NameError as e:
        print("NameError", e)
f()
def g():
    exec("z = 10")
    return "z" in locals()
print(g())
