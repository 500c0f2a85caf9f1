# 8 threads store 100k distinct keys each into one dict, no lock.
import threading
d = {}
def work(k):
    for i in range(100_000):
        d[k * 1_000_000 + i] = i
ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(len(d))
print(all(d[k * 1_000_000 + 99_999] == 99_999 for k in range(8)))
