import sys
def f():
    try:
        raise KeyError("a")
    except KeyError as e:
        raise ValueError("b")
try: f()
except ValueError as e: print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try: raise KeyError(1)
    except KeyError as e: raise ValueError(2) from e
except ValueError as e: print(repr(e.__cause__), e.__suppress_context__)
try:
    try: raise KeyError(1)
    except KeyError: raise ValueError(2) from None
except ValueError as e: print(e.__cause__, e.__suppress_context__, repr(e.__context__))
try: raise
except RuntimeError as e: print(e)
try: raise 5
except TypeError as e: print(e)
try: raise ValueError from 5
except TypeError as e: print(e)
try:
    try: pass
    except 5: pass
    try: raise KeyError
    except 5: pass
except TypeError as e: print(e)
def g():
    try: return 1
    finally: print("fin")
print(g())
def h():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally:
            print("fin", i)
h()
try:
    print(undefined_name)
except NameError as e: print(e, e.name)
def ul():
    print(x)
    x = 1
try: ul()
except UnboundLocalError as e: print(e)
def fv():
    def inner(): return y
    try: inner()
    except NameError as e: print(e)
    y = 1
fv()
class E(Exception): pass
try:
    try: raise E("x")
    except E:
        print(sys.exc_info()[0].__name__)
        raise
except E as e: print("reraised", e)
print(sys.exc_info())
with open("/dev/null") as fh: print(type(fh).__name__)
class CM:
    def __enter__(self): print("enter"); return 1
    def __exit__(self, t, v, tb): print("exit", t.__name__ if t else None, tb is not None); return t is KeyError
with CM() as v: print(v)
with CM(): raise KeyError
try:
    with CM(): raise ValueError("out")
except ValueError as e: print("escaped", e)
try:
    with 5: pass
except TypeError as e: print(e)
def tb():
    try: 1/0
    except ZeroDivisionError as e: return e
e = tb()
t = e.__traceback__
print(t.tb_lineno, t.tb_frame.f_code.co_name, t.tb_next, type(t).__name__)
fr = sys._getframe() if hasattr(sys, "_getframe") else None
if fr: print(fr.f_code.co_name, fr.f_lineno, fr.f_back, fr.f_globals is globals())
def lf():
    a = 1; b = 2
    return sys._getframe().f_locals
print(lf())
def outer():
    return sys._getframe(1).f_code.co_name if hasattr(sys, "_getframe") else "x"
print(outer())
