class MyList(list):
    def sum(self): return sum(self)
class MyDict(dict):
    def __missing__(self, k): return k * 2
class MyStr(str):
    def shout(self): return self.upper() + "!"
l = MyList([1, 2, 3]); l.append(4)
print(l, l.sum(), type(l).__name__, type(l + [5]).__name__, len(l))
d = MyDict(a=1)
print(d["a"], d["zz"], d)
s = MyStr("hi")
print(s.shout(), s + "x", type(s + "x").__name__, isinstance(s, str))
