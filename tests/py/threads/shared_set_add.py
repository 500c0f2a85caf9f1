# set.add from several threads: no add is lost.
import threading
s = set()
def work(k):
    for i in range(20_000):
        s.add(k * 100_000 + i)
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(s))
