# Four threads mutate classes (attributes, methods, __name__, __qualname__,
# __bases__), functions (__defaults__, __code__, __name__, attributes),
# modules, weak references, shared generators and exceptions while others
# use them, for 1.5 seconds: Python exceptions are allowed, a crash, a
# memory error or a TSan report is not.
import threading, random, sys, collections, weakref, gc, functools, types, time
random.seed(0)
DUR = 1.5
class K:
    a = 1
    def m(self): return self.a
class S:
    __slots__ = ("p", "q")
def f(x=1, *, y=2): return x + y
def g(x=5): return x * 2
mod = types.ModuleType("m"); mod.v = 1
sh = {"k": K(), "s": S(), "f": f, "wr": [], "gens": [], "str": [], "exc": None, "lst": [1, 2, 3], "cell": None}
ops = []
def op(fn): ops.append(fn); return fn
@op
def cls_attr(): K.a = random.random(); K().m(); getattr(K, "a")
@op
def cls_attr_del():
    K.b = 1
    try: del K.b
    except AttributeError: pass
@op
def cls_method_swap(): K.m = (lambda self: 2) if random.random() < .5 else (lambda self: self.a)
@op
def inst_call(): sh["k"].m(); sh["k"].a
@op
def slots(): s = sh["s"]; s.p = random.random(); getattr(s, "q", None); s.q = [1]
@op
def slots_del():
    try: del sh["s"].p
    except AttributeError: pass
@op
def func_defaults(): f.__defaults__ = (random.randrange(5),); f.__kwdefaults__ = {"y": 3}; f()
@op
def func_code(): f.__code__ = g.__code__ if random.random() < .5 else (lambda x=1, *, y=2: x + y).__code__
@op
def func_call(): sh["f"](1, y=2) if f.__code__.co_kwonlyargcount else sh["f"](1)
@op
def func_attr(): f.z = 1; getattr(f, "z", None); f.__dict__.pop("z", None)
@op
def func_name(): f.__name__ = random.choice(["f", "ff"]); f.__qualname__ = "q"; repr(f)
@op
def module_attr(): mod.v = random.random(); mod.v; setattr(mod, "w", 1); delattr(mod, "w") if hasattr(mod, "w") else None
@op
def weak():
    o = K(); r = weakref.ref(o, lambda r: None); sh["wr"].append(r)
    if len(sh["wr"]) > 50: sh["wr"][:] = sh["wr"][-10:]
    for r in sh["wr"][:5]: r()
@op
def weakdict():
    d = sh.setdefault("wd", weakref.WeakValueDictionary()); o = K(); d[random.randrange(10)] = o; list(d.items())
@op
def gen_share():
    gens = sh["gens"]
    if len(gens) < 5: gens.append((i for i in range(100)))
    g0 = random.choice(gens)
    try: next(g0)
    except (StopIteration, ValueError): pass
    if random.random() < .1:
        try: g0.close()
        except ValueError: pass
@op
def strs():
    s = "".join(random.choice("abc") for _ in range(5)); sh["str"].append(sys.intern(s)); 
    if len(sh["str"]) > 100: sh["str"].clear()
    {s: 1}
@op
def exc_share():
    try: raise ValueError(random.random())
    except ValueError as e: sh["exc"] = e
    e2 = sh["exc"]
    if e2 is not None: e2.__traceback__; e2.args; str(e2)
@op
def list_share(): sh["lst"] = [random.random()] * random.randrange(10); len(sh["lst"]); sh["lst"][:2]
@op
def closures():
    def outer():
        v = [0]
        def inner(): v[0] += 1; return v[0]
        return inner
    c = sh["cell"] = outer(); c()
    c2 = sh["cell"]
    if c2: c2()
@op
def setattr_type():
    try: K.__name__ = random.choice(["K", "K2"])
    except TypeError: pass
    K.__doc__ = "d"
@op
def mro_swap():
    class P: x = 1
    class Q: x = 2
    class C(P): pass
    C.__bases__ = (Q,); C.x
@op
def collect():
    if random.random() < 0.03: gc.collect()
unexpected = set()
stop = threading.Event()
def worker(seed):
    rnd = random.Random(seed)
    while not stop.is_set():
        fn = rnd.choice(ops)
        try: fn()
        except (RuntimeError, ValueError, IndexError, KeyError, TypeError, AttributeError, StopIteration): pass
        except Exception as e: unexpected.add(type(e).__name__)
ts = [threading.Thread(target=worker, args=(i + random.randrange(1000),)) for i in range(4)]
for t in ts: t.start()
time.sleep(DUR); stop.set()
for t in ts: t.join()
print("unexpected exceptions:", sorted(unexpected))
