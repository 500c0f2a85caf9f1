import threading
results = []
lock = threading.Lock()
def work(n):
    s = sum(range(n))
    with lock:
        results.append(s)
ts = [threading.Thread(target=work, args=(i * 1000,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results), threading.current_thread().name, threading.active_count() >= 1)
