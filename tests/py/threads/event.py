import threading
e = threading.Event()
print(e.is_set(), e.wait(0.01))
out = []
def w():
    out.append(e.wait())
ts = [threading.Thread(target=w) for _ in range(3)]
for t in ts: t.start()
e.set()
for t in ts: t.join()
print(out, e.is_set())
e.clear()
print(e.is_set(), e.wait(0))
