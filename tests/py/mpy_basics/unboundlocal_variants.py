def f1():
    print(x)
    x = 1
def f2():
    x += 1
def f3():
    for i in range(1):
        del y
    y = 1
x = 0
for f in (f1, f2, f3):
    try:
        f()
    except UnboundLocalError as e:
        print(f.__name__, e)
