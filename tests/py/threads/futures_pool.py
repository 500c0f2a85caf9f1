from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED, ALL_COMPLETED
def sq(x):
    return x * x
with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(sq, range(10))))
    fs = [ex.submit(sq, i) for i in range(8)]
    print(sorted(f.result() for f in as_completed(fs)))
    done, not_done = wait(fs, return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
    print(ex.submit(pow, 2, 10).result())
    print(list(ex.map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
try:
    ex.submit(sq, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
