"""Count the primes below a limit with N threads, each pinned to its own CPU.

    weft examples/primes.py [threads] [limit]

Every thread tests its own share of numbers by trial division (pure Python
arithmetic: no shared state but the result list), so in the free-threaded
flavour the work runs on every core at once; with the GIL it does not.
Prints the prime count (the same for any thread count) and the wall time.
"""
import os
import sys
import threading
import time


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


BLOCK = 1000


def worker(index, nthreads, limit, cpus, results):
    if cpus:
        try:
            os.sched_setaffinity(0, {cpus[index % len(cpus)]})
        except (AttributeError, OSError):
            pass
    # Blocks of BLOCK numbers dealt round-robin: every thread gets the same
    # mix of small and large, odd and even numbers (striping one number at
    # a time would give one of two threads all the even ones).
    count = 0
    for start in range(index * BLOCK, limit, nthreads * BLOCK):
        for n in range(start, min(start + BLOCK, limit)):
            if is_prime(n):
                count += 1
    results[index] = count


def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 300_000
    try:
        cpus = sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = []
    results = [0] * nthreads
    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i, nthreads, limit, cpus, results))
               for i in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    print(f"primes below {limit}: {sum(results)}")
    print(f"threads: {nthreads}  wall time: {elapsed:.3f} s")


if __name__ == "__main__":
    main()
