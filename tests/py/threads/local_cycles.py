# A threading.local whose per-thread attributes refer back to it is freed
# by the collector, while the threads that set them are still running and
# after they exit; a reachable local keeps every thread's values.
import gc
import threading
import weakref


class Node:
    pass


holder = []
kept = threading.local()
ready = threading.Barrier(4)
collected = threading.Barrier(4)
done = threading.Event()
seen = []


def worker(k):
    tls = holder[0]
    n = Node()
    n.tls = tls
    tls.node = n          # this thread's dict -> node -> the local
    del tls, n
    kept.value = k * 10
    ready.wait()
    collected.wait()      # main collects while we are alive
    done.wait()
    seen.append(kept.value)


holder.append(threading.local())
ref = weakref.ref(holder[0])
ts = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
for t in ts:
    t.start()
ready.wait()
holder.clear()
print("alive before collecting:", ref() is not None)
gc.collect()
print("freed while threads run:", ref() is None)
collected.wait()
done.set()
for t in ts:
    t.join()
print("kept values:", sorted(seen))
