import threading
r = threading.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release(); r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with r:
    with r:
        print("nested ok")
res = []
r.acquire()
def other():
    res.append(r.acquire(timeout=0.05))
t = threading.Thread(target=other); t.start(); t.join()
r.release()
print("other got it while held:", res)
print(repr(r).split(" ")[0], repr(r).split(" ")[1])
