# Item stores (STORE_SUBSCR on a list) racing with appends, extends and
# deletes that replace the list's array: every store is a single atomic
# operation, so no store may be lost when the array is copied, and each
# slot ends with the last value its writer stored.
import threading

N = 64
WRITERS = 4
ROUNDS = 3000
lst = [None] * N
done = threading.Event()


def writer(k):
    for r in range(ROUNDS):
        for i in range(k, N, WRITERS):
            lst[i] = (k, r)


def resizer():
    while not done.is_set():
        lst.append(None)
        lst.pop()
        lst.extend([None] * 40)    # grows the array
        del lst[N:]                # shrinks it again


ws = [threading.Thread(target=writer, args=(k,)) for k in range(WRITERS)]
rz = threading.Thread(target=resizer)
rz.start()
for t in ws:
    t.start()
for t in ws:
    t.join()
done.set()
rz.join()
print(len(lst))
print(all(lst[i] == (i % WRITERS, ROUNDS - 1) for i in range(N)))
try:
    lst[N] = 0
except IndexError as e:
    print("IndexError:", e)
