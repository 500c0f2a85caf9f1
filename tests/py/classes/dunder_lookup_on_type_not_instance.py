class C:
    def __len__(self): return 5
c = C()
c.__len__ = lambda: 10
print(len(c), c.__len__())
class A:
    pass
a = A()
a.__add__ = lambda o: "instance add"
try:
    a + 1
except TypeError as e:
    print(e)
