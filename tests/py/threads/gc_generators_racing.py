# Threads run, suspend and drop generators in reference cycles while other
# threads collect: the collector sees running, suspended and half-made
# generators; every cycle is freed and every generator's result is right.
import gc
import threading
import weakref


class Node:
    pass


def walker(node, n):
    node.gen = None
    total = 0
    for i in range(n):
        total += i
        node.last = yield total
    return total


N_THREADS = 4
ROUNDS = 1000
refs = [[] for _ in range(N_THREADS)]
sums = [0] * N_THREADS
stop = threading.Event()


def worker(k):
    s = 0
    for r in range(ROUNDS):
        node = Node()
        g = walker(node, 5)
        node.gen = g  # the node's generator refers back to the node
        v = next(g)
        for j in range(3):
            v = g.send(j)
        s += v
        node.me = node
        refs[k].append(weakref.ref(node))
        del node, g
    sums[k] = s


def collector():
    while not stop.is_set():
        gc.collect()


cs = [threading.Thread(target=collector) for _ in range(2)]
ws = [threading.Thread(target=worker, args=(k,)) for k in range(N_THREADS)]
for t in cs + ws:
    t.start()
for t in ws:
    t.join()
stop.set()
for t in cs:
    t.join()
gc.collect()
print("sums:", sums)
print("all freed:", all(r() is None for rs in refs for r in rs), sum(len(rs) for rs in refs))
