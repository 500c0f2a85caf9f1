class E: pass
e = E()
for f in (lambda: e + 1, lambda: 1 + e, lambda: e[0], lambda: len(e), lambda: e(), lambda: iter(e), lambda: -e, lambda: e < 1, lambda: abs(e)):
    try:
        f()
    except TypeError as ex:
        print(ex)
def g():
    e[0] = 1
try:
    g()
except TypeError as ex:
    print(ex)
def h():
    del e[0]
try:
    h()
except TypeError as ex:
    print(ex)
