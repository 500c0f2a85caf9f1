import queue
q = queue.Queue(maxsize=2)
q.put(1); q.put(2)
print(q.full(), q.qsize())
try:
    q.put(3, block=False)
except queue.Full:
    print("Full")
try:
    q.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
print(q.get(), q.get())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
lq = queue.LifoQueue()
for i in range(3): lq.put(i)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for x in [5, 1, 4, 2, 3]: pq.put((x, str(x)))
print([pq.get() for _ in range(5)])
sq = queue.SimpleQueue()
sq.put("a"); sq.put("b")
print(sq.qsize(), sq.get(), sq.get(), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")
try:
    q.task_done(); q.task_done(); q.task_done()
except ValueError as e:
    print("ValueError:", e)
