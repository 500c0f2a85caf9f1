# A counter guarded by a Lock is exact.
import threading
lock = threading.Lock()
count = 0
def work():
    global count
    for _ in range(50_000):
        with lock:
            count += 1
ts = [threading.Thread(target=work) for _ in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(count)
