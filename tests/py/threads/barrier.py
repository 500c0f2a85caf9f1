import threading
n = 4
b = threading.Barrier(n, action=lambda: print("all arrived"))
order = []
lock = threading.Lock()
def work(i):
    idx = b.wait()
    with lock:
        order.append(idx)
ts = [threading.Thread(target=work, args=(i,)) for i in range(n)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(order), b.parties, b.n_waiting, b.broken)
b2 = threading.Barrier(2, timeout=0.02)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken:", b2.broken)
b2.reset()
print("after reset:", b2.broken)
try:
    threading.Barrier(0)
except ValueError as e:
    print("ValueError:", e)
