import _thread, time
print(_thread.TIMEOUT_MAX, _thread.error is RuntimeError)
print(type(_thread.allocate_lock()) is _thread.LockType)
done = _thread.allocate_lock()
done.acquire()
res = []
def f(a, b=0):
    res.append((a, b, _thread.get_ident() != main))
    done.release()
main = _thread.get_ident()
_thread.start_new_thread(f, (1,), {"b": 2})
done.acquire()
print(res)
for bad in [(1, ()), (f, [1]), (f, (), [])]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError:", e)
print(_thread.stack_size())
