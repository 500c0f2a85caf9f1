import threading
cond = threading.Condition()
ready = False
woke = []
def waiter(i):
    with cond:
        cond.wait_for(lambda: ready)
        woke.append(i)
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(6)]
for t in ts: t.start()
import time
time.sleep(0.05)
with cond:
    ready = True
    cond.notify_all()
for t in ts: t.join()
print(sorted(woke))
