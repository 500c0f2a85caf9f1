import queue, threading
q = queue.Queue()
def producer():
    for i in range(1000):
        q.put(i)
    q.put(None)
out = []
def consumer():
    while True:
        x = q.get()
        q.task_done()
        if x is None:
            break
        out.append(x)
ts = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in ts: t.start()
q.join()
for t in ts: t.join()
print(len(out), out == list(range(1000)), q.empty(), q.qsize())
