import queue, threading
tasks = queue.Queue()
results = queue.Queue()
for i in range(2000):
    tasks.put(i)
def worker():
    while True:
        try:
            x = tasks.get_nowait()
        except queue.Empty:
            return
        results.put(x * 2)
ts = [threading.Thread(target=worker) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
vals = []
while not results.empty():
    vals.append(results.get())
print(len(vals), sum(vals))
