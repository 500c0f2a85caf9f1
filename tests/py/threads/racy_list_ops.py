# Racing appends, pops and reads on one list: values are only ones stored,
# and the total of appended minus popped matches the final length.
import threading
shared = []
pops = [0] * 4
def work(k):
    for i in range(20_000):
        shared.append(k)
        if i % 3 == 0:
            try:
                shared.pop()
                pops[k] += 1
            except IndexError:
                pass
        if shared:
            try:
                v = shared[-1]
                assert v in (0, 1, 2, 3)
            except IndexError:
                pass
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(shared) == 4 * 20_000 - sum(pops), set(shared) <= {0, 1, 2, 3})
