def key(k):
    print("key", k)
    return k
def obj():
    print("obj")
    return d
d = {"a": 1}
obj()[key("a")] += 10
print(d)
class A:
    def __init__(self): self.v = 1
a = A()
def geta():
    print("geta")
    return a
geta().v *= 5
print(a.v)
