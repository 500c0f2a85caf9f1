def g():
    yield 1
it = g()
print(it.gi_running, it.gi_frame is not None, it.__name__, it.__qualname__)
next(it)
print(it.gi_suspended if hasattr(it, "gi_suspended") else "n/a")
list(it)
print(it.gi_frame)
