d = {}
for d["k"] in range(3):
    pass
print(d)
class O: pass
o = O()
for o.attr in "xyz":
    pass
print(o.attr)
l = [0, 0]
for l[0], *rest in [(1, 2, 3), (4, 5)]:
    pass
print(l, rest)
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)
