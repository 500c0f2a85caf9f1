"""ThreadPoolExecutor.map over a CPU-bound function.

    weft examples/pool_map.py [workers] [tasks]

Each task computes a Collatz-sequence statistic; the pool spreads the tasks
over its worker threads.  Prints the combined result and the wall time.
"""
import sys
import time
from concurrent.futures import ThreadPoolExecutor


def longest_collatz(start):
    best, best_n = 0, start
    for n in range(start, start + 2000):
        steps, x = 0, n
        while x != 1:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            steps += 1
        if steps > best:
            best, best_n = steps, n
    return best_n, best


def main():
    workers = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    tasks = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(longest_collatz, range(1, tasks * 2000, 2000)))
    elapsed = time.perf_counter() - start
    n, steps = max(results, key=lambda r: r[1])
    print(f"longest Collatz chain below {tasks * 2000}: {n} ({steps} steps)")
    print(f"workers: {workers}  wall time: {elapsed:.3f} s")


if __name__ == "__main__":
    main()
