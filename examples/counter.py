"""A shared counter incremented by several threads, with and without a lock.

    weft examples/counter.py [threads] [increments]

`counter += 1` is a read, an add and a write: without a lock, updates of
different threads can be lost (free-threaded, and even with a GIL when a
switch falls between the read and the write).  With a threading.Lock the
total is always exact.  Prints both totals and their wall times.
"""
import sys
import threading
import time


class Counter:
    def __init__(self):
        self.value = 0


def unlocked(c, n):
    for _ in range(n):
        c.value += 1


def locked(c, n, lock):
    for _ in range(n):
        with lock:
            c.value += 1


def run(target, nthreads, n, *extra):
    c = Counter()
    threads = [threading.Thread(target=target, args=(c, n) + extra) for _ in range(nthreads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return c.value, time.perf_counter() - start


def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    expected = nthreads * n
    value, t = run(unlocked, nthreads, n)
    print(f"without a lock: {value} of {expected} ({expected - value} updates lost)  {t:.3f} s")
    value, t = run(locked, nthreads, n, threading.Lock())
    print(f"with a lock:    {value} of {expected} ({'exact' if value == expected else 'WRONG'})  {t:.3f} s")


if __name__ == "__main__":
    main()
