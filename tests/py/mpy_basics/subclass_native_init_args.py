class MyList(list):
    def __init__(self, *args, extra=None):
        super().__init__(*args)
        self.extra = extra
m = MyList("ab", extra=5)
print(m, m.extra, len(m))
class MyTuple(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
t = MyTuple(1, 2)
print(t, type(t).__name__, t + (3,), isinstance(t, tuple))
class MyDict(dict):
    def __init__(self, **kw):
        super().__init__(**kw)
        self["init"] = True
print(MyDict(a=1))
class MyExc(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
print(repr(MyExc(3)), MyExc(3).code)
