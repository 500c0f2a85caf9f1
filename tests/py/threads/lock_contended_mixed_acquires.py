# Many threads contend for one Lock, taking it in every way: blocking,
# try-once in a loop, and short timeouts that often expire.  Every increment
# happens under the lock, so the count is exact; a lost wake-up would hang
# (the runner's time limit catches it); a lock left held or with a waiter
# stranded shows in the checks at the end.
import threading

N_THREADS = 6
ROUNDS = 20000
lock = threading.Lock()
count = [0]
timeouts = [0] * N_THREADS
tries = [0] * N_THREADS


def worker(k):
    for i in range(ROUNDS):
        mode = (i + k) % 3
        if mode == 0:
            with lock:
                count[0] += 1
        elif mode == 1:
            while not lock.acquire(False):
                tries[k] += 1
            count[0] += 1
            lock.release()
        else:
            while not lock.acquire(timeout=0.0005):
                timeouts[k] += 1
            count[0] += 1
            lock.release()


threads = [threading.Thread(target=worker, args=(k,)) for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("count", count[0], count[0] == N_THREADS * ROUNDS)
print("locked after", lock.locked())
print("try-acquire after", lock.acquire(False))
lock.release()
print("timed acquire after", lock.acquire(timeout=0.01))
lock.release()

# A holder that sleeps: the waiters park, time out or get handed the lock.
hold = threading.Lock()
got = []


def sleeper():
    for _ in range(5):
        with hold:
            threading.Event().wait(0.002)


def waiter(k):
    n = 0
    for _ in range(20):
        if hold.acquire(timeout=0.001):
            n += 1
            hold.release()
    got.append(n)


ts = [threading.Thread(target=sleeper)] + [threading.Thread(target=waiter, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("waiters finished", len(got), all(0 <= n <= 20 for n in got))
print("free at the end", hold.acquire(False))
