class C:
    def f(self):
        return super().f()

def g():
    nonlocal __class__
