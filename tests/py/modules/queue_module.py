import queue, threading
q = queue.Queue()
def producer():
    for i in range(5):
        q.put(i)
    q.put(None)
out = []
def consumer():
    while (item := q.get()) is not None:
        out.append(item * 2)
t1 = threading.Thread(target=producer); t2 = threading.Thread(target=consumer)
t1.start(); t2.start(); t1.join(); t2.join()
print(out, q.empty())
lq = queue.LifoQueue(); [lq.put(i) for i in range(3)]
pq = queue.PriorityQueue(); [pq.put(i) for i in (3, 1, 2)]
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print("Empty")
