# Threads build structures nested 50000 deep and drop them, their own and
# ones another thread built (the last reference dies on a thread that does
# not own the objects): every level is freed and no thread overflows its
# C stack (each thread bounds its own dealloc recursion).
import gc
import queue
import threading
import weakref

N = 50000


class Bottom:
    pass


class Node:
    pass


def build(k):
    bottom = Bottom()
    r = weakref.ref(bottom)
    x = bottom
    for i in range(N):
        if k % 3 == 0:
            x = [x]
        elif k % 3 == 1:
            x = (x, i)
        else:
            n = Node()
            n.nxt = x
            x = n
    return r, x


handoff = queue.Queue()
results = [None] * 4
ready = threading.Barrier(4)


def worker(k):
    r_own, own = build(k)
    del own
    r_other, other = build(k + 1)
    handoff.put((r_other, other))
    del other
    ready.wait()  # every structure is built and handed over
    r_theirs, theirs = handoff.get()
    del theirs
    results[k] = (r_own, r_theirs)


ts = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
# A structure dropped by a thread that did not build it may be freed by its
# builder a little later (biased counts queue it there); a collection
# processes every such queue.
gc.collect()
print("(own, handed-over) structures freed:",
      [(a() is None, b() is None) for a, b in results])
