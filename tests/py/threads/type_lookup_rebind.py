# Class attributes rebound to fresh function objects while other threads
# use them through the runtime's own type lookups (round, anext, reversed,
# bytes, int via __trunc__, calling instances and classes, __set_name__,
# reflected operators, descriptors found by setattr, threading.local
# subclasses, operator functions, hash/iter/in, __getattr__, aiter,
# __reduce_ex__, a metaclass's mro).  Each rebinding releases the old value:
# a lookup that kept only a borrowed pointer could use a freed object.
# Readers must see the old or the new value, never anything else.
import operator
import threading
import warnings

warnings.simplefilter("ignore", DeprecationWarning)  # int() -> __trunc__

ITER = 200
READERS = 2


class O:
    def __round__(self, *a): return 1
    def __anext__(self): return 1
    def __reversed__(self): return 1
    def __bytes__(self): return b"1"
    def __trunc__(self): return 1
    def __call__(self): return 1
    def __len__(self): return 1
    def __iter__(self): return iter((1,))
    def __format__(self, spec): return "1"
    def __index__(self): return 1
    def __hash__(self): return 1
    def __contains__(self, x): return 1
    def __getitem__(self, i): return 1
    def __add__(self, other): return 1
    def __aiter__(self): return self
    def __getattr__(self, name): return 1
    def __reduce__(self): return 1


class Seq:
    def __getitem__(self, i): return 1
    def __len__(self): return 1


class Init:
    def __init__(self): self.v = 1


class Base:
    def __add__(self, other): return 0
    def __radd__(self, other): return 0


class Sub(Base):
    def __radd__(self, other): return 1


class D:
    def __set_name__(self, owner, name): self.tag = 1


class P:
    x = property(lambda self: 0, lambda self, v: self.__dict__.__setitem__("seen", 1))


class Meta(type):
    tag = property(lambda cls: 0, lambda cls, v: cls.log.append(1))
    def mro(cls): return type.mro(cls)


class L(threading.local):
    def m(self): return 1
    def __getattr__(self, name): return 1


def make(k):
    """Fresh function objects returning k, one per rebindable attribute."""
    return {
        (O, "__round__"): lambda self, *a: k,
        (O, "__anext__"): lambda self: k,
        (O, "__reversed__"): lambda self: k,
        (O, "__bytes__"): lambda self: b"%d" % k,
        (O, "__trunc__"): lambda self: k,
        (O, "__call__"): lambda self: k,
        (O, "__len__"): lambda self: k,
        (O, "__iter__"): lambda self: iter((k,)),
        (O, "__format__"): lambda self, spec: str(k),
        (O, "__index__"): lambda self: k,
        (O, "__hash__"): lambda self: k,
        (O, "__contains__"): lambda self, x: k,
        (O, "__add__"): lambda self, other: k,
        (O, "__aiter__"): lambda self: self,
        (O, "__getattr__"): lambda self, name: k,
        (O, "__reduce__"): lambda self: k,
        (Seq, "__getitem__"): lambda self, i: k,
        (Seq, "__len__"): lambda self: 1,
        (Init, "__init__"): lambda self: setattr(self, "v", k),
        (Sub, "__radd__"): lambda self, other: k,
        (D, "__set_name__"): lambda self, owner, name: setattr(self, "tag", k),
        (P, "x"): property(lambda self: 0,
                           lambda self, v: self.__dict__.__setitem__("seen", k)),
        (Meta, "tag"): property(lambda cls: 0, lambda cls, v: cls.log.append(k)),
        (Meta, "mro"): lambda cls: type.mro(cls),
        (L, "m"): lambda self: k,
        (L, "__getattr__"): lambda self, name: k,
    }


def ops(o, p, kls, tls, seq):
    yield "round", round(o)
    yield "anext", anext(o)
    yield "reversed", reversed(o)
    yield "bytes", int(bytes(o))
    yield "int", int(o)
    yield "call", o()
    yield "len", len(o)
    yield "iter", next(iter(o))
    yield "format", int(format(o, ""))
    yield "index", operator.index(o)
    yield "hash", hash(o)
    yield "contains", int(0 in o)  # bool(1) and bool(2) are both True
    yield "concat", operator.concat(o, o)
    yield "init", Init().v
    yield "radd", Base() + Sub()
    d = D()
    type("K", (), {"d": d})
    yield "set_name", d.tag
    p.x = 0
    yield "setattr", p.__dict__.pop("seen")
    kls.tag = 0
    yield "meta_setattr", kls.log.pop()
    yield "local_method", tls.m()
    yield "local_getattr", tls.missing
    yield "aiter", int(aiter(o) is o)
    yield "getattr", o.missing
    yield "reduce_ex", o.__reduce_ex__(2)
    yield "reversed_seq", next(reversed(seq))
    yield "meta_mro", len(Meta("K2", (), {}).__mro__) - 1


counts = {}
bad = []
lock = threading.Lock()
done = threading.Event()


def reader():
    o, p, tls, seq = O(), P(), L(), Seq()
    kls = Meta("K", (), {"log": []})
    mine = {}
    errs = []
    for _ in range(ITER):
        try:
            for name, v in ops(o, p, kls, tls, seq):
                if v in (1, 2):
                    mine[name] = mine.get(name, 0) + 1
                else:
                    errs.append((name, repr(v)))
        except Exception as e:
            errs.append(("exception", type(e).__name__, str(e)))
    with lock:
        for k, n in mine.items():
            counts[k] = counts.get(k, 0) + n
        bad.extend(errs)


def writer():
    k = 1
    while not done.is_set():
        k = 3 - k
        for (cls, name), f in make(k).items():
            setattr(cls, name, f)


w = threading.Thread(target=writer)
rs = [threading.Thread(target=reader) for _ in range(READERS)]
w.start()
for t in rs: t.start()
for t in rs: t.join()
done.set()
w.join()

for name in sorted(counts):
    print(name, counts[name] == READERS * ITER)
print("ops", len(counts))
print("bad", bad)

# After the race the last binding is what everyone sees.
for (cls, name), f in make(7).items():
    setattr(cls, name, f)
o = O()
print(round(o), anext(o), reversed(o), bytes(o), int(o), o(), len(o), list(o),
      format(o, ""), operator.index(o), hash(o), 0 in o, operator.concat(o, o))
print(Init().v, Base() + Sub())
