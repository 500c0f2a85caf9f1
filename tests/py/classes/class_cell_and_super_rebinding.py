class A:
    def f(self): return "A.f"
class B(A):
    def f(self):
        return __class__.__name__, super().f()
    def g(self):
        self = None
        try:
            return super().f()
        except (TypeError, AttributeError) as e:
            return type(e).__name__ + ": " + str(e)
print(B().f(), B().g())
