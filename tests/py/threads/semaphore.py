import threading, time
sem = threading.Semaphore(2)
active = 0
peak = 0
lock = threading.Lock()
def work():
    global active, peak
    with sem:
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.01)
        with lock:
            active -= 1
ts = [threading.Thread(target=work) for _ in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print("peak", peak, "active", active)
print(sem.acquire(False), sem.acquire(False), sem.acquire(False))
b = threading.BoundedSemaphore(1)
b.acquire(); b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
s = threading.Semaphore(0)
print(s.acquire(timeout=0.01))
s.release(3)
print([s.acquire(False) for _ in range(4)])
