funcs = []
for i in range(3):
    def f(j=i):
        return i, j
    funcs.append(f)
print([f() for f in funcs])
def outer():
    res = []
    for k in range(3):
        res.append(lambda: k)
    k = "final"
    return [r() for r in res]
print(outer())
