import threading
cond = threading.Condition()
items = []
got = []
def consumer():
    with cond:
        while len(got) < 5:
            cond.wait_for(lambda: items)
            got.append(items.pop(0))
t = threading.Thread(target=consumer)
t.start()
for i in range(5):
    with cond:
        items.append(i)
        cond.notify()
t.join()
print(got)
c2 = threading.Condition(threading.Lock())
with c2:
    print(c2.wait(0.01))
try:
    c2.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c2.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
