# A traceback cycle (exception -> traceback -> frame -> locals -> exception)
# is collected, and a weak reference to cyclic garbage is cleared (its
# callback runs) by the collection.
import gc, weakref
gc.disable()
class Marker:
    def __del__(self):
        print("marker freed")
def f():
    m = Marker()
    try:
        raise ValueError("x")
    except ValueError as e:
        err = e
    return err
e = f()
del e
print("collect")
gc.collect()
print("after")
class C:
    pass
c = C()
c.me = c
log = []
r = weakref.ref(c, lambda ref: log.append("callback"))
del c
gc.collect()
print(r(), log)
