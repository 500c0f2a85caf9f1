from concurrent.futures import ThreadPoolExecutor, Future, CancelledError, TimeoutError
import threading
def fail(x):
    raise ValueError(f"bad {x}")
with ThreadPoolExecutor(2) as ex:
    f = ex.submit(fail, 1)
    try:
        f.result()
    except ValueError as e:
        print("ValueError:", e)
    print(type(f.exception()).__name__, f.done(), f.cancelled())
f = Future()
print(f.done(), f.running(), f.cancel(), f.cancelled())
try:
    f.result()
except CancelledError:
    print("CancelledError")
g = Future()
calls = []
g.add_done_callback(lambda fut: calls.append(fut.result()))
try:
    g.result(timeout=0.01)
except TimeoutError:
    print("TimeoutError")
g.set_result(42)
g.add_done_callback(lambda fut: calls.append("late"))
print(calls, g.result())
ev = threading.Event()
with ThreadPoolExecutor(1) as ex:
    blocker = ex.submit(ev.wait)
    queued = ex.submit(print, "never")
    print("cancel queued:", queued.cancel())
    ev.set()
print(blocker.result(), queued.cancelled())
