# sys.unraisablehook receives every exception the interpreter cannot raise:
# __del__, weakref callbacks, gc callbacks, generator finalisation, atexit.
import atexit
import gc
import sys
import weakref

def describe(u):
    obj = u.object
    name = getattr(obj, "__qualname__", type(obj).__name__)
    tb = u.exc_traceback
    where = tb.tb_frame.f_code.co_name if tb is not None else None
    print("hook:", u.exc_type.__name__, repr(u.exc_value), u.err_msg, name, where)

sys.unraisablehook = describe

class Bad:
    def __del__(self):
        raise ValueError("error in __del__")

b = Bad()
del b
print("after del")

class Target:
    pass

t = Target()
def callback(ref):
    raise KeyError("callback")
r = weakref.ref(t, callback)
del t
print("after weakref")

def gc_cb(phase, info):
    if phase == "start":
        raise LookupError("gc callback")
gc.callbacks.append(gc_cb)
gc.collect()
gc.callbacks.remove(gc_cb)
print("after gc")

def gen():
    try:
        yield 1
    finally:
        raise ZeroDivisionError("generator finally")
g = gen()
next(g)
del g
print("after generator")

# the argument object
captured = []
sys.unraisablehook = captured.append
b = Bad()
del b
u = captured[0]
print(type(u).__name__, len(u), isinstance(u, tuple), u[0] is ValueError, u.err_msg)
print(type(u).n_fields, type(u).__match_args__)
print(sys.__unraisablehook__.__name__, sys.unraisablehook is captured.append)

# the default hook, called directly
class Thing:
    def __repr__(self):
        return "<Thing>"
class NoRepr:
    def __repr__(self):
        raise RuntimeError("no repr")
class NoStr(Exception):
    def __str__(self):
        raise RuntimeError("no str")
Args = type(u)
sys.stdout.flush()
sys.__unraisablehook__(Args((ValueError, ValueError("v"), None, None, Thing())))
sys.__unraisablehook__(Args((ValueError, ValueError("v"), None, "Exception ignored while testing", Thing())))
sys.__unraisablehook__(Args((KeyError, KeyError("k"), None, "Custom message", None)))
sys.__unraisablehook__(Args((NoStr, NoStr(), None, None, NoRepr())))
sys.__unraisablehook__(Args((ValueError, ValueError(), None, None, Thing())))
try:
    sys.__unraisablehook__((1, 2, 3, 4, 5))
except TypeError as e:
    print("TypeError", e)
try:
    Args((1, 2, 3))
except TypeError as e:
    print("TypeError", e)

# a hook that fails: its own error is reported by the default printer
class FailingHook:
    def __repr__(self):
        return "<FailingHook>"
    def __call__(self, u):
        print("failing hook called with", u.exc_type.__name__)
        sys.stdout.flush()
        raise RuntimeError("hook is broken")
sys.unraisablehook = FailingHook()
b = Bad()
del b
# no hook at all (None): the default report
class Callback:
    def __repr__(self):
        return "<Callback>"
    def __call__(self, ref):
        raise ValueError("callback with no hook")
sys.unraisablehook = None
t = Target()
r = weakref.ref(t, Callback())
del t
sys.stderr.flush()
print("after None hook")

# an error raised by C code (no traceback of its own) gets the running frame
def drop_target():
    t = Target()
    r = weakref.ref(t, Thing())
    del t
sys.unraisablehook = sys.__unraisablehook__
drop_target()
sys.stderr.flush()
print("after C-level error")

def exit_hook(u):
    print("exit hook:", u.exc_type.__name__, u.exc_value, u.err_msg, u.object.__name__)
def at_exit():
    raise OSError("at exit")
sys.unraisablehook = exit_hook
atexit.register(at_exit)
print("end")
