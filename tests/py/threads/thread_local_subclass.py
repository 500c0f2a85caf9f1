import threading
class Ctx(threading.local):
    initialized = 0
    def __init__(self, base):
        self.base = base
        self.items = []
    def add(self, v):
        self.items.append(v + self.base)
        return len(self.items)
ctx = Ctx(100)
ctx.add(1)
res = {}
def work(i):
    ctx.add(i)
    ctx.add(i)
    res[i] = (ctx.base, ctx.items)
ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res.items()))
print(ctx.items)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
