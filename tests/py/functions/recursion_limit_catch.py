import sys
print(sys.getrecursionlimit() >= 1000)
def f(n):
    return f(n + 1)
for _ in range(3):
    try:
        f(0)
    except RecursionError as e:
        print(str(e))
