class A:
    def __repr__(self): return "A-repr"
class B:
    def __str__(self): return "B-str"
class C(A):
    def __str__(self): return "C-str"
print(A(), str(A()), repr(A()), [A()], B(), [C()], C(), f"{C()!r}", "%s %r" % (C(), C()))
print(repr(B()).startswith("<__main__.B object at 0x"))
