class A:
    pass
a = A()
a.b = A()
value = a.b.c.d
