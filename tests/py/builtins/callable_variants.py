class A:
    def m(self): pass
    @staticmethod
    def s(): pass
print([callable(x) for x in (A, A(), A.m, A().m, A.s, print, len, "x".upper, int, None, 1, [], lambda: 0, (x for x in []), type, object())])
