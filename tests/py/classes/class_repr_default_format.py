class C: pass
r = repr(C())
print(r.startswith("<__main__.C object at 0x"), r.endswith(">"))
print(repr(C), str(C), repr(int), repr(type), repr(object))
def f(): pass
print(repr(f).startswith("<function f at 0x"), repr(len), repr(print))
import sys
print(repr(sys))
