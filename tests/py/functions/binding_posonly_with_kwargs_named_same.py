def f(a, b, /, **kwargs):
    return a, b, kwargs
print(f(1, 2, a=3, b=4))
def g(x, /, y):
    return x, y
try:
    g(x=1, y=2)
except TypeError as e:
    print(e)
print(g(1, y=2))
