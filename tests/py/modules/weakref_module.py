import weakref
class C: pass
c = C()
r = weakref.ref(c)
print(r() is c)
del c
import gc
gc.collect()
print(r())
d = weakref.WeakValueDictionary()
k = C()
d["a"] = k
print(len(d))
del k
gc.collect()
print(len(d))
