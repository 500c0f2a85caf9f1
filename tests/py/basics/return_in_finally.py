def f():
    try:
        return "try"
    finally:
        print("cleanup")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally"
print(g())
def h():
    for i in range(3):
        try:
            break
        finally:
            print("fin", i)
    return i
print(h())
