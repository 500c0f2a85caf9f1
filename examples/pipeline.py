"""A producer/consumer pipeline over queue.Queue.

    weft examples/pipeline.py [items] [consumers]

One producer puts numbers on a bounded queue; several consumers square
them and put the results on a second queue; the main thread sums them.
Prints the sum (checkable: the sum of squares below `items`) and the time.
"""
import queue
import sys
import threading
import time


def producer(q, items, consumers):
    for i in range(items):
        q.put(i)
    for _ in range(consumers):
        q.put(None)


def consumer(q, out):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            out.put(None)
            return
        out.put(item * item)
        q.task_done()


def main():
    items = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    consumers = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    work = queue.Queue(maxsize=100)
    results = queue.Queue()
    start = time.perf_counter()
    threads = [threading.Thread(target=producer, args=(work, items, consumers))]
    threads += [threading.Thread(target=consumer, args=(work, results)) for _ in range(consumers)]
    for t in threads:
        t.start()
    total = 0
    finished = 0
    while finished < consumers:
        v = results.get()
        if v is None:
            finished += 1
        else:
            total += v
    work.join()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    expected = sum(i * i for i in range(items))
    print(f"sum of squares below {items}: {total} ({'ok' if total == expected else 'WRONG'})")
    print(f"consumers: {consumers}  wall time: {elapsed:.3f} s")


if __name__ == "__main__":
    main()
