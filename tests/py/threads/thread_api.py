import threading
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), len(threading.enumerate()))
def f(x):
    t = threading.current_thread()
    print("in", t.name, x, t is not threading.main_thread(), t.ident == threading.get_ident())
t = threading.Thread(target=f, args=(1,), name="worker")
print(t.name, t.ident, t.is_alive(), t.daemon)
t.start(); t.join()
print(t.is_alive(), t.ident is not None, isinstance(t.native_id, int))
t2 = threading.Thread(target=f, kwargs={"x": 2})
print(t2.name.startswith("Thread-"), t2.name.endswith("(f)"))
t2.start(); t2.join()
try:
    t2.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=f).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
print(threading.TIMEOUT_MAX > 1e6, threading.get_native_id() > 0)
print(threading.ThreadError is RuntimeError)
