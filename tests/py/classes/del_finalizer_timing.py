class R:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
a = R("a")
del a
print("after del a")
b = R("b")
b = R("b2")
print("after rebinding b")
l = [R("l1"), R("l2")]
l.clear()
print("after clear")
def f():
    r = R("local")
    return "returned"
print(f())
d = {"k": R("dictval")}
d["k"] = None
print("end of script")
