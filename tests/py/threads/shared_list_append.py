# 8 threads append 100k items each to one list, no lock: every append lands.
import threading
items = []
def work(k):
    append = items.append
    for i in range(100_000):
        append(i)
ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(len(items))
print(sum(items) == 8 * sum(range(100_000)))
