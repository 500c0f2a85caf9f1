class C:
    @staticmethod
    def s(): return "static"
    @classmethod
    def c(cls): return cls
f = C.__dict__["s"]
print(f(), C.s(), C.c() is C, C().c() is C)
