class Sup:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("suppress", a[0] and a[0].__name__)
        return True
with Sup():
    1 / 0
print("after")
def f():
    with Sup():
        return "returned"
print(f())
for i in range(3):
    with Sup():
        if i == 1:
            continue
        print("body", i)
