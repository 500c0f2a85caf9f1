class C:
    @property
    def broken(self):
        raise AttributeError("inner problem")
    def __getattr__(self, name):
        return f"__getattr__({name})"
print(C().broken)
class D:
    @property
    def broken(self):
        return self.missing_attr
try:
    D().broken
except AttributeError as e:
    print(e)
