# A __del__ that stores its object keeps it (and what it reaches) alive;
# the finalizer does not run a second time (PEP 442).
import gc

gc.disable()
saved = []
calls = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        calls.append(self.name)
        saved.append(self)


p = Phoenix("p")
p.me = p
p.data = [1, 2, 3]
del p
gc.collect()
print(calls, len(saved))
q = saved[0]
print(q.name, q.me is q, q.data)
print(gc.is_finalized(q))
saved.clear()
del q
gc.collect()
print(calls)
print("done")
