class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, typ=None):
        if obj is None: return self
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, v):
        obj.__dict__[self.name] = v * 2
class M:
    a = Field()
    b = Field()
m = M()
m.a = 5
print(m.a, m.b, type(M.a).__name__)
