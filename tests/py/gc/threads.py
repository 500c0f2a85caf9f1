# Collections while other threads build and drop cycles.
import gc
import threading

lock = threading.Lock()
count = [0]


class N:
    def __init__(self, i):
        self.i = i
        self.me = self
        self.items = [self, {"n": self}]

    def __del__(self):
        with lock:
            count[0] += 1


def work():
    for i in range(3000):
        N(i)
        if i % 1000 == 0:
            gc.collect()


ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
gc.collect()
print(count[0])
