# Four threads run random operations on shared lists, dicts, sets, deques,
# bytearrays (with memoryviews), iterators, generators, OrderedDict,
# defaultdict and an instance whose __class__ and __dict__ are reassigned,
# with collections now and then, for 1.5 seconds: racy values and Python
# exceptions are allowed, a crash or a TSan report is not.
import threading, random, sys, collections, itertools, functools, weakref, gc
random.seed(0)
DUR = 1.5
class A:
    def __init__(self): self.x = 1
class B:
    def __init__(self): self.y = 2
shared = {
    "l": list(range(50)), "d": {i: i for i in range(50)}, "s": set(range(50)),
    "o": A(), "dq": collections.deque(range(50)), "ba": bytearray(b"x" * 100),
    "it": iter(list(range(10**6))), "g": (i for i in range(10**6)), "fs": frozenset(range(10)),
    "od": collections.OrderedDict((i, i) for i in range(20)), "dd": collections.defaultdict(list),
}
ops = []
def op(f): ops.append(f); return f
@op
def l_mut(): l = shared["l"]; l.append(random.random()); l.pop(random.randrange(-3, 3)) if l else None
@op
def l_sort(): shared["l"].sort(key=lambda v: hash(v) % 7)
@op
def l_slice(): l = shared["l"]; l[2:5] = [1, 2, 3, 4][:random.randrange(5)]; del l[::7]
@op
def l_iter(): sum(1 for _ in shared["l"])
@op
def l_ext(): l = shared["l"]; l.extend(l[:5]); l[:] = l[-60:]
@op
def l_rev(): shared["l"].reverse(); shared["l"].insert(0, 5)
@op
def l_replace(): shared["l"] = list(range(random.randrange(60)))
@op
def d_mut(): d = shared["d"]; d[random.randrange(100)] = random.random(); d.pop(random.randrange(100), None)
@op
def d_iter():
    for k, v in shared["d"].items(): pass
@op
def d_clear(): d = shared["d"]; d.clear() if len(d) > 80 else d.update({i: i for i in range(40)})
@op
def d_popitem():
    try: shared["d"].popitem()
    except KeyError: pass
@op
def d_copy(): dict(shared["d"]); shared["d"].copy(); list(shared["d"].values())
@op
def s_mut(): s = shared["s"]; s.add(random.randrange(100)); s.discard(random.randrange(100))
@op
def s_iter(): sorted(shared["s"]); shared["s"] | {1}; shared["s"] & shared["fs"]
@op
def s_pop():
    try: shared["s"].pop()
    except KeyError: pass
@op
def o_attr(): o = shared["o"]; o.x = random.random(); o.__dict__.pop("y", None); setattr(o, "z", 1)
@op
def o_class(): o = shared["o"]; o.__class__ = B if o.__class__ is A else A
@op
def o_dict(): shared["o"].__dict__ = {"x": 3}
@op
def o_read(): o = shared["o"]; getattr(o, "x", None); getattr(o, "y", None); vars(o)
@op
def o_new(): shared["o"] = A()
@op
def dq(): q = shared["dq"]; q.append(1); q.popleft() if q else None; q.rotate(3); list(q)
@op
def ba():
    b = shared["ba"]
    b.extend(b"ab"); del b[:random.randrange(3)]; bytes(b); b.find(b"a")
@op
def ba_mv():
    try:
        m = memoryview(shared["ba"]); m[0]; bytes(m[:10]); m.release()
    except (IndexError, ValueError, BufferError): pass
@op
def it_next():
    try: next(shared["it"])
    except StopIteration: pass
@op
def g_next():
    try: next(shared["g"])
    except (StopIteration, ValueError): pass
@op
def od(): o = shared["od"]; o[random.randrange(30)] = 1; o.move_to_end(next(iter(o)), last=False) if o else None; o.popitem() if len(o) > 25 else None
@op
def dd(): shared["dd"][random.randrange(10)].append(1); shared["dd"].pop(random.randrange(10), None)
@op
def wr(): r = weakref.ref(shared["o"]); r()
@op
def collect():
    if random.random() < 0.02: gc.collect()
errors = collections.Counter()
unexpected = set()
stop = threading.Event()
def worker(seed):
    rnd = random.Random(seed)
    while not stop.is_set():
        f = rnd.choice(ops)
        try: f()
        except (RuntimeError, ValueError, IndexError, KeyError, TypeError, AttributeError,
                StopIteration, BufferError) as e:
            errors[type(e).__name__] += 1
        except Exception as e:
            unexpected.add(type(e).__name__)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts: t.start()
import time; time.sleep(DUR); stop.set()
for t in ts: t.join()
print("unexpected exceptions:", sorted(unexpected))
