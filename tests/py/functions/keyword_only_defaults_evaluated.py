order = []
def d(v):
    order.append(v)
    return v
def f(a=d("a"), *, b=d("b"), c=d("c")):
    return a, b, c
print(order, f(), f(b=0))
