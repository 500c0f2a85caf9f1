print("before")
class C:
    print("in body")
    x = [i for i in range(3)]
    def f(self): pass
    print("end body", x)
print("after", C.x)
