"""Everyday sharing patterns, counted: shared atomic writes per iteration.

    build/counters/weft bench/scaling/sharing_patterns.py [THREADS]

Needs weft built with -DWEFT_COUNTERS=ON (sys._counters(), weft/counters.h).
Each pattern is a loop a worker thread might run against objects that the
main thread created (a shared instance, a compiled regex, an lru_cache, a
deque, ...).  THREADS workers (default 2) run it together after a warm-up,
and the script prints, per pattern, the contention counters that are not
zero, per iteration and thread (mutex_cas is left out: it also counts
uncontended locks on a thread's own objects).  The scaling workloads of
workloads.py show none; these show where sharing is left.
"""
import sys, threading, math, collections, functools, itertools, re, json, random, operator
if not hasattr(sys, "_counters"):
    sys.exit("sharing_patterns.py: needs weft built with -DWEFT_COUNTERS=ON")
N = 200000
class Config:
    def __init__(self):
        self.scale = 2.5
        self.names = ["a", "b", "c"]
        self.table = {"x": 1.5, "y": 2.5}
    def f(self, v):
        return v * self.scale
CFG = Config()
SHARED_OBJS = [Config() for _ in range(10)]
NT = collections.namedtuple("NT", "a b")
def helper(x):
    return x + 1
@functools.lru_cache(maxsize=None)
def cached(x):
    return x * 2
PAT = re.compile(r"a+b")
DQ = collections.deque(range(100))
def pat_shared_instance(n):
    c = CFG
    for i in range(n):
        c.f(i); c.scale; c.table["x"]
def pat_shared_objs_list(n):
    objs = SHARED_OBJS
    for i in range(n):
        o = objs[i % 10]
        o.scale
def pat_global_func(n):
    for i in range(n):
        helper(i)
def pat_lambda_sorted(n):
    data = [(i * 7) % 13 for i in range(20)]
    for i in range(n // 20):
        sorted(data, key=lambda v: -v)
def pat_lru(n):
    for i in range(n):
        cached(i % 50)
def pat_regex(n):
    for i in range(n // 10):
        PAT.match("aaab")
def pat_str_ops(n):
    for i in range(n // 10):
        "-".join(["x", str(i), "y"]).split("-")
def pat_fstring(n):
    for i in range(n // 5):
        f"{i}:{i * 2}"
def pat_exceptions(n):
    for i in range(n // 10):
        try:
            raise ValueError(i)
        except ValueError:
            pass
def pat_generator_expr(n):
    for i in range(n // 20):
        sum(x for x in range(20))
def pat_list_comp(n):
    for i in range(n // 20):
        [x * 2 for x in range(20)]
def pat_dict_iter(n):
    d = {str(k): k for k in range(20)}
    for i in range(n // 20):
        for k, v in d.items():
            pass
def pat_isinstance(n):
    for i in range(n):
        isinstance(i, int)
def pat_super(n):
    class A:
        def m(self): return 1
    class B(A):
        def m(self): return super().m() + 1
    b = B()
    for i in range(n):
        b.m()
def pat_json(n):
    for i in range(n // 100):
        json.dumps({"a": i, "b": [1, 2, 3]})
def pat_random(n):
    r = random.Random(1)
    for i in range(n // 4):
        r.random()
def pat_module_random(n):
    for i in range(n // 4):
        random.random()
def pat_deque_shared_read(n):
    d = DQ
    for i in range(n):
        d[5]
def pat_kwargs(n):
    def g(a, b=1, **kw): return a
    for i in range(n // 2):
        g(1, b=2, c=3)
def pat_property(n):
    class P:
        @property
        def v(self): return 1
    p = P()
    for i in range(n):
        p.v
PATTERNS = [v for k, v in sorted(globals().items()) if k.startswith("pat_")]
def run(fn, nthreads):
    res = [None] * nthreads
    bar = threading.Barrier(nthreads)
    def w(k):
        fn(N // 10)
        bar.wait()
        a = sys._counters()
        fn(N)
        b = sys._counters()
        res[k] = {x: b[x] - a[x] for x in a}
    ts = [threading.Thread(target=w, args=(k,)) for k in range(nthreads)]
    for t in ts: t.start()
    for t in ts: t.join()
    tot = {x: sum(r[x] for r in res) / (nthreads * N) for x in res[0]}
    return {x: round(v, 4) for x, v in tot.items() if x != "mutex_cas" and v >= 0.001}
nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
for fn in PATTERNS:
    counts = run(fn, nthreads)
    print("%-28s %s" % (fn.__name__[4:], " ".join("%s=%s" % kv for kv in counts.items()) or "none"))
