# Objects that every thread uses (module-level functions, classes, modules,
# their dicts) must still die when the program drops them: after
# gc.collect() their weak references are dead.  func.__code__ reassigned
# while other threads call the function runs the old or the new code,
# nothing else.  sys.getrefcount differences are those of CPython, also
# while other threads hold references.
import gc
import sys
import threading
import types
import weakref

# --- functions, classes and modules shared with threads, then deleted -------


def victim(x):
    return x * 2


class Victim:
    tag = "v"

    def m(self):
        return 3


class VictimChild(Victim):
    pass


mod = types.ModuleType("victim_mod")
mod.value = 41
mod.func = victim
shared = {"f": victim, "c": Victim}
shared_list = [victim, Victim, mod]

totals = [0] * 4


def use(k):
    t = 0
    for i in range(300):
        t += victim(i) + Victim().m() + VictimChild().m() + mod.value
        t += shared["f"](1) + shared_list[2].func(1) + len(shared["c"].tag)
    totals[k] = t


ts = [threading.Thread(target=use, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(totals)

refs = [weakref.ref(victim), weakref.ref(Victim), weakref.ref(VictimChild),
        weakref.ref(mod)]
print([r() is not None for r in refs])
del victim, Victim, VictimChild, mod, shared, shared_list, use, ts, t
gc.collect()
print([r() is None for r in refs])

# the same with objects made inside a thread and shared back
made = {}


def maker():
    ns = {}
    exec("def f(x):\n    return x + 100\n"
         "class C:\n    def m(self):\n        return f(1)\n", ns)
    made["f"], made["C"] = ns["f"], ns["C"]
    made["mod"] = types.ModuleType("made_mod")


t = threading.Thread(target=maker)
t.start()
t.join()
del t


def use_made(k):
    s = 0
    for i in range(200):
        s += made["f"](i) + made["C"]().m()
    totals[k] = s


ts = [threading.Thread(target=use_made, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(totals)
refs = [weakref.ref(made["f"]), weakref.ref(made["C"]), weakref.ref(made["mod"])]
del ts, t
made.clear()
gc.collect()
print([r() is None for r in refs])

# --- __code__ reassignment while other threads call the function -------------


def target():
    return "old"


def replacement():
    return "new"


old_code, new_code = target.__code__, replacement.__code__
seen = [set() for _ in range(4)]
go = threading.Event()
stop = threading.Event()


def caller(k):
    go.wait()
    n = 0
    while not stop.is_set() or n < 200:
        seen[k].add(target())
        n += 1


ts = [threading.Thread(target=caller, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
go.set()
for i in range(2000):
    target.__code__ = new_code if i % 2 == 0 else old_code
stop.set()
for t in ts:
    t.join()
print(all(s <= {"old", "new"} and s for s in seen))
print(target(), target.__code__ is old_code)
target.__code__ = new_code
print(target(), target.__name__)
r = weakref.ref(target)
del target, ts, t
gc.collect()
print(r() is None)

# --- sys.getrefcount differences -----------------------------------------------


def g():
    pass


class K:
    pass


m2 = types.ModuleType("m2")
for obj in (g, K, m2, m2.__dict__):
    base = sys.getrefcount(obj)
    lst = [obj] * 10
    d1 = sys.getrefcount(obj) - base
    del lst
    d2 = sys.getrefcount(obj) - base
    print(type(obj).__name__, d1, d2)

# while 4 threads each hold 10 references in a list of their own
holding = threading.Barrier(5)
release = threading.Event()


def hold(k):
    mine = [g] * 10
    holding.wait()
    release.wait()
    del mine


for _ in range(3):
    g()  # called from here too
base = sys.getrefcount(g)
ts = [threading.Thread(target=hold, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
holding.wait()
print("held", sys.getrefcount(g) - base)
release.set()
for t in ts:
    t.join()
print("released", sys.getrefcount(g) - base)
gc.collect()
print("after collect", sys.getrefcount(g) - base)
