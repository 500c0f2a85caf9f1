class D:
    def __get__(self, obj, owner):
        return ("get", obj is None, owner.__name__)
    def __set__(self, obj, v):
        print("set", v)
    def __delete__(self, obj):
        print("delete")
class C:
    d = D()
c = C()
print(C.d, c.d)
c.d = 3
del c.d
class Sub(C): pass
print(Sub.d, Sub().d)
