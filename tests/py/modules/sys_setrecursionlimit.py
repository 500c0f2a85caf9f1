import sys
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError:
    print("hit lower limit")
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
