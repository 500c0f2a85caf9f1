x = 10
def f():
    print(x)
    x = 5
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def g():
    y = 1
    del y
    return y
try:
    g()
except UnboundLocalError as e:
    print(e)
