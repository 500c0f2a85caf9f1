# Threads writing disjoint items of shared typed memoryviews (over a
# bytearray and an array) while others read them whole: every write lands
# and readers only ever see whole values.
import threading
from array import array

N, T = 200, 4
ba = bytearray(4 * N * T)
views = [memoryview(ba).cast('i'), memoryview(array('q', bytes(8 * N * T))).cast('B').cast('q')]
bad = []
ok = {0} | {i * 3 - 7 for i in range(N * T)} | {7 - i * 3 for i in range(N * T)}

def writer(k):
    for v in views:
        for i in range(k, N * T, T):
            v[i] = i * 3 - 7
        for i in range(k, N * T, T):
            v[i] = -v[i]

def reader():
    for _ in range(20):
        for v in views:
            for x in v.tolist():
                if x not in ok:
                    bad.append(x)
            v.tobytes()
            v == v

ts = [threading.Thread(target=writer, args=(k,)) for k in range(T)]
ts += [threading.Thread(target=reader) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(bad)
for v in views:
    print(v.format, len(v), sum(v), v[0], v[-1], v.tolist() == [-(i * 3 - 7) for i in range(N * T)])
