"""Scaling workloads: every worker thread does the same fixed amount of work.

    <python> workloads.py WORKLOAD THREADS [SCALE [FIRST_CPU [counters]]]

Worker k pins itself to its own CPU, the (FIRST_CPU + k)-th allowed one
(os.sched_setaffinity(0, {cpu}); on Linux pid 0 is the calling thread),
runs a tenth of its work untimed as a warm-up (the one-time costs: first
calls, caches, a free-threaded runtime's conversion of shared objects to
per-thread counts, the CPU leaving its idle state), waits at a barrier so
all start together, runs the workload, and the script prints the wall time of the
slowest worker in seconds, then the largest CPU time (time.thread_time) any
worker spent on its work.  With ideal scaling the time for N threads equals
the time for 1 thread, and the speedup N*T(1)/T(N) equals N.  The CPU time
does not grow when other processes take CPUs away from the workers, only
when the workers slow each other down (shared cache lines, locks): its
ratio C(1)/C(N) is the scaling efficiency the runtime itself achieves.
Also runs on CPython, the baseline.

With a fifth argument `counters` (weft built with -DWEFT_COUNTERS=ON,
which has sys._counters()), it prints instead, for each contention counter
of weft/counters.h, how many times per iteration the workers incremented it
during the timed part: "name value" lines, summed over workers and divided
by THREADS * iterations.  A workload whose threads share no written memory
prints zeros (bench/scaling/counters.sh, tests/check_contention.cmake).
"""
import math
import operator
import os
import sys
import threading
import time
from collections import namedtuple
from dataclasses import dataclass

WORK = 1


# --- helpers shared by the workloads ----------------------------------------
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def norm1(self):
        return self.x + self.y


@dataclass
class Record:
    """A real dataclass: its __init__ and __eq__ are generated code (exec)."""
    a: int
    b: int
    c: int


NT = namedtuple("NT", "a b c")


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def pyfunction(x):
    return x + 1


SHARED_TUPLE = tuple(range(20))
SHARED_DICT = {i: i * 2 for i in range(1000)}
SHARED_LIST = list(range(1000))
SHARED_GLOBAL = 12345
TLS = threading.local()
LOCK = threading.Lock()
COUNTER = [0]


# --- the workloads: each runs `n` iterations -----------------------------------
def object_cfunction(n):
    t = SHARED_TUPLE
    for i in range(n):
        t.index(7)
        t.count(3)


def cmodule_function(n):
    for i in range(n):
        math.floor(i * 0.5)
        math.sqrt(i)


def mult_constant(n):
    x = 1.0
    for i in range(n):
        x = x * 1.000001
        x = x * 0.999999


def generator(n):
    def gen(k):
        for i in range(k):
            yield i
    for _ in range(n // 100):
        for v in gen(100):
            pass


def pymethod(n):
    p = Point(1, 4)
    for i in range(n):
        p.norm1()
        p.norm1()


def pyfunction_wl(n):
    for i in range(n):
        pyfunction(i)
        pyfunction(i)


def module_function(n):
    f = math
    for i in range(n):
        f.fabs(-1.0)
        operator.add(i, 2)


def load_string_const(n):
    for i in range(n):
        s = "a string constant"
        s = "another string"


def load_tuple_const(n):
    for i in range(n):
        t = (1, 2, 3)
        t = ("a", "b")


# Code made at run time by exec(), as dataclasses and namedtuple make their
# methods: its constants are not immortal (only those of code compiled from
# files are), and every thread running it loads them.
_EXEC_NS = {}
exec("""
def load_exec_const(n):
    for i in range(n):
        t = (1, 2.5, "a string constant")
        t = b"bytes"
""", _EXEC_NS)
load_exec_const = _EXEC_NS["load_exec_const"]


def create_pyobject(n):
    for i in range(n):
        o = Point(i, i)


def create_closure(n):
    for i in range(n):
        def inner(y):
            return i + y


def create_dict(n):
    for i in range(n):
        d = {"a": i, "b": i, "c": i}


def thread_local_read(n):
    tls = TLS
    tls.x = 1
    for i in range(n):
        tls.x
        tls.x
        tls.x


def method_caller(n):
    mc = operator.methodcaller("bit_length")
    for i in range(n):
        mc(i)
        mc(i)


def context_manager(n):
    cm = CM()
    for i in range(n):
        with cm:
            pass


def instantiate_dataclass(n):
    for i in range(n):
        r = Record(i, i, i)
        r == r


def instantiate_namedtuple(n):
    for i in range(n):
        t = NT(i, i, i)


def shared_dict_read(n):
    d = SHARED_DICT
    for i in range(n):
        d[i % 1000]
        d.get(7)


def shared_list_read(n):
    l = SHARED_LIST
    for i in range(n):
        l[i % 1000]
        l[5]


def shared_global_read(n):
    for i in range(n):
        SHARED_GLOBAL
        SHARED_GLOBAL
        SHARED_GLOBAL


def shared_counter_locked(n):
    c = COUNTER
    for i in range(n // 4):
        with LOCK:
            c[0] += 1


WORKLOADS = {
    "object_cfunction": (object_cfunction, 600_000),
    "cmodule_function": (cmodule_function, 800_000),
    "mult_constant": (mult_constant, 2_000_000),
    "generator": (generator, 3_000_000),
    "pymethod": (pymethod, 800_000),
    "pyfunction": (pyfunction_wl, 800_000),
    "module_function": (module_function, 800_000),
    "load_string_const": (load_string_const, 5_000_000),
    "load_tuple_const": (load_tuple_const, 5_000_000),
    "load_exec_const": (load_exec_const, 5_000_000),
    "create_pyobject": (create_pyobject, 600_000),
    "create_closure": (create_closure, 800_000),
    "create_dict": (create_dict, 600_000),
    "thread_local_read": (thread_local_read, 1_000_000),
    "method_caller": (method_caller, 600_000),
    "context_manager": (context_manager, 600_000),
    "instantiate_dataclass": (instantiate_dataclass, 400_000),
    "instantiate_namedtuple": (instantiate_namedtuple, 400_000),
    "shared_dict_read": (shared_dict_read, 1_000_000),
    "shared_list_read": (shared_list_read, 1_200_000),
    "shared_global_read": (shared_global_read, 2_000_000),
    "shared_counter_locked": (shared_counter_locked, 1_600_000),
}


def main():
    name = sys.argv[1]
    nthreads = int(sys.argv[2])
    scale = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    first_cpu = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    counting = len(sys.argv) > 5 and sys.argv[5] == "counters"
    if counting and not hasattr(sys, "_counters"):
        sys.exit("workloads.py: this interpreter has no sys._counters() "
                 "(build weft with -DWEFT_COUNTERS=ON)")
    fn, iters = WORKLOADS[name]
    iters = max(100, int(iters * scale))
    warmup = max(10, iters // 10)
    try:
        cpus = sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = []
    barrier = threading.Barrier(nthreads + 1)
    ends = [0.0] * nthreads
    cpu = [0.0] * nthreads
    counts = [None] * nthreads

    def worker(k):
        if cpus:
            os.sched_setaffinity(0, {cpus[(first_cpu + k) % len(cpus)]})
        fn(warmup)
        barrier.wait()
        if counting:
            k0 = sys._counters()
        c0 = time.thread_time()
        fn(iters)
        cpu[k] = time.thread_time() - c0
        ends[k] = time.perf_counter()
        if counting:
            k1 = sys._counters()
            counts[k] = {name: k1[name] - k0[name] for name in k0}

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(nthreads)]
    for t in threads:
        t.start()
    start = time.perf_counter()
    barrier.wait()
    for t in threads:
        t.join()
    if counting:
        for name in counts[0]:
            total = sum(c[name] for c in counts)
            print("%s %.4f" % (name, total / (nthreads * iters)))
        return
    print("%.6f %.6f" % (max(ends) - start, max(cpu)))


if __name__ == "__main__":
    main()
