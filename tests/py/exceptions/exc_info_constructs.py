# sys.exc_info() inside and after with/try/except/else/finally/except*,
# break/continue/return through them, and generators suspended in a handler.
import sys, contextlib
R = []
def mark(tag):
    R.append((tag, sys.exc_info()[0].__name__ if sys.exc_info()[0] else None))
class CM:
    def __init__(self, swallow=False): self.swallow = swallow
    def __enter__(self): mark("enter"); return self
    def __exit__(self, t, v, tb): mark("exit"); return self.swallow
def c1():
    try:
        with CM(True): raise KeyError
    finally: mark("c1 finally")
    mark("c1 after")
def c2():
    try:
        with CM(): raise KeyError
    except KeyError: mark("c2 handler")
    mark("c2 after")
def c3():
    for i in range(3):
        try:
            raise KeyError
        except KeyError:
            if i == 0: continue
            if i == 1:
                try: raise ValueError
                except ValueError: mark("c3 inner")
                mark("c3 back")
            else: break
        finally:
            mark("c3 finally %d" % i)
    mark("c3 after")
def c4():
    try:
        raise KeyError
    except KeyError:
        try:
            return "r"
        finally:
            mark("c4 finally in handler")
def c5():
    try:
        pass
    except KeyError:
        pass
    else:
        try: raise ValueError
        except ValueError: mark("c5 else handler")
    finally:
        mark("c5 finally")
    mark("c5 after")
def c6():
    try:
        try: raise ExceptionGroup("g", [KeyError(), ValueError()])
        except* KeyError: mark("c6 star K")
        except* ValueError: mark("c6 star V")
    except Exception as e: mark("c6 outer")
    mark("c6 after")
def c7():
    def g():
        try:
            raise KeyError
        except KeyError:
            yield 1
            mark("c7 gen resumed")
        yield 2
        mark("c7 gen end")
    it = g(); next(it); mark("c7 between"); next(it); mark("c7 between2")
    for _ in it: pass
def c8():
    @contextlib.contextmanager
    def cm():
        try: yield
        except KeyError: mark("c8 cm caught")
    with cm(): raise KeyError
    mark("c8 after")
def c9():
    try:
        try: raise KeyError
        finally:
            try: raise ValueError
            except ValueError: mark("c9 inner in finally")
            mark("c9 finally end")
    except KeyError: mark("c9 handler")
    mark("c9 after")
def c10():
    while True:
        try:
            try: raise KeyError
            finally: break
        except KeyError: mark("c10 never")
    mark("c10 after")
def c11():
    try:
        raise KeyError
    except KeyError:
        with CM(True): raise ValueError
        mark("c11 after with in handler")
    mark("c11 after")
def c12():
    try: raise KeyError
    except KeyError as e:
        try: raise ValueError
        except ValueError as v: mark("c12 ctx %s" % type(v.__context__).__name__)
    mark("c12 after")
for f in [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12]:
    try: r = f()
    except BaseException as e: R.append((f.__name__, "raised " + type(e).__name__))
    mark(f.__name__ + " returned")
for r in R: print(*r)
