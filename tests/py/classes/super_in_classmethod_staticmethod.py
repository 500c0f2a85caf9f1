class A:
    @staticmethod
    def s(): return "A.s"
    @classmethod
    def c(cls): return "A.c:" + cls.__name__
class B(A):
    @staticmethod
    def s(): return "B.s>" + super(B, B).s()
    @classmethod
    def c(cls): return "B.c>" + super().c()
print(B.s(), B.c(), B().c())
