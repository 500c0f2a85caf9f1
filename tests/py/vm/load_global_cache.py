# LOAD_GLOBAL keeps per-site guesses of where a name sits in globals and
# builtins.  Each check below warms a site in a loop, then changes the dicts
# under it: the site must see every change at once.
import builtins

X = 1


def read_x():
    return X


def read_len():
    return len


def warm(f, n=50):
    r = None
    for _ in range(n):
        r = f()
    return r


print("x", warm(read_x))
X = 2
print("x rebound", read_x())
del X
try:
    read_x()
except NameError as e:
    print("NameError:", e)
X = 3
print("x again", warm(read_x))

# a global shadows a builtin after the site has found the builtin
print("len is builtin", warm(read_len) is builtins.len)
len = "module len"
print("shadowed", read_len())
del len
print("unshadowed", read_len() is builtins.len)

# many new globals move the entries to a bigger table
print("before growth", warm(read_x))
for i in range(200):
    globals()["filler_%d" % i] = i
print("after growth", read_x(), filler_199)
for i in range(200):
    del globals()["filler_%d" % i]
print("after deletes", warm(read_x))

# one code object run with different globals dicts: a guess made for one
# dict is only a guess for the other
src = "def get():\n    return NAME\n"
g1 = {"NAME": "first"}
g2 = {"pad%d" % i: i for i in range(10)}
g2["NAME"] = "second"
exec(src, g1)
code = g1["get"].__code__
f1 = type(g1["get"])(code, g1)
f2 = type(g1["get"])(code, g2)
for _ in range(20):
    a, b = f1(), f2()
print("two dicts", a, b)
g3 = {}
f3 = type(g1["get"])(code, g3)
try:
    f3()
except NameError as e:
    print("NameError:", e)
g3["__builtins__"] = {"NAME": "from custom builtins"}
f4 = type(g1["get"])(code, g3)
print("custom builtins", f4())

# builtins changed under a warm site
def read_custom():
    return custom_builtin


builtins.custom_builtin = "b1"
print("builtin", warm(read_custom))
builtins.custom_builtin = "b2"
print("builtin rebound", read_custom())
del builtins.custom_builtin
try:
    read_custom()
except NameError as e:
    print("NameError:", e)


# a dict subclass as globals (exec accepts one)
class G(dict):
    pass


g4 = G(NAME="subclass")
exec(src, g4)
print("dict subclass", warm(g4["get"]))

# threads rebinding a global while others read it through warm sites
import threading

V = 0
seen = set()


def reader():
    local = set()
    for _ in range(20000):
        local.add(V)
    seen.update(local)


def writer():
    global V
    for i in range(1, 2001):
        V = i


ts = [threading.Thread(target=reader) for _ in range(3)] + [threading.Thread(target=writer)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("values read were stored:", seen <= set(range(2001)), "final", V)
