# Deep Python recursion works up to the limit; runaway recursion raises
# RecursionError (not a crash), also through __init__ and on a thread.
import sys, threading
def f(n): return 0 if n == 0 else 1 + f(n - 1)
print(f(990))
def inf(): inf()
try: inf()
except RecursionError as e: print("RecursionError:", e)
class A:
    def __init__(self, n):
        self.c = A(n - 1) if n else None
try: A(5000)
except RecursionError: print("RecursionError via __init__")
x = A(300); print("A(300) ok")
sys.setrecursionlimit(10**6)
def deep(n): return 0 if n == 0 else 1 + deep(n - 1)
try: deep(10**6)
except RecursionError: print("C stack guard")
sys.setrecursionlimit(1000)
out = []
def t():
    out.append(f(990))
    try: inf()
    except RecursionError: out.append("thread RecursionError")
th = threading.Thread(target=t); th.start(); th.join()
print(out)
