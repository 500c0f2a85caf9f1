def a(): return
def b(): return 1, 2
def c(): return (yield)
def d():
    try:
        return "try"
    finally:
        pass
print(a(), b(), type(c()).__name__, d())
