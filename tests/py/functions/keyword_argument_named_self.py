class C:
    def m(self, **kw):
        return kw
print(C().m(self2=1, other=2))
def f(self, x):
    return self, x
print(f(x=1, self=2))
