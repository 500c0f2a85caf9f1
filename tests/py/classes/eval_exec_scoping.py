x = "global x"
def f():
    x = "local x"
    return eval("x"), eval("x", globals()), eval("x", {"x": "explicit"})
print(f())
def g():
    y = 5
    def h():
        return eval("y")
    try:
        return h()
    except NameError as e:
        return str(e)
print(g())
ns = {}
exec("def k(): return kk\nkk = 'from ns'", ns)
print(ns["k"]())
