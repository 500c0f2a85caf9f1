# perthread_weakref_timing after a thread has run: the same script,
# imported once a thread has started.  From the first thread on, weft
# counts module-level functions and modules per thread
# (docs/internals/refcounting.md), so they die, and their weakref callbacks
# run, at the next collection, as CPython 3.14 does for its deferred
# objects (listed in tests/py/xfail.txt).
import threading

t = threading.Thread(target=lambda: None)
t.start()
t.join()

import perthread_weakref_timing  # noqa: E402,F401  (runs the script)
