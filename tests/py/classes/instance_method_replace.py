class C:
    def m(self): return "class"
c = C()
c.m = lambda: "instance"
print(c.m(), C().m())
C.m = lambda self: "patched"
print(C().m())
