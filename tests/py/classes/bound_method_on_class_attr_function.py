def external(self):
    return "external " + type(self).__name__
class C:
    m = external
    s = staticmethod(external)
print(C().m(), C.s(C()), C.m(5))
