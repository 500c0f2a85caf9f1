d = {"a": 1}
l = [1, 2, 3]
print(f"{d['a']} {l[1:]} {len(l)} {l[-1] * 2}")
print(f"{'yes' if l else 'no'}")
print(f"{[x * 2 for x in l]}")
print(f"{(lambda x: x + 1)(1)}")
print(f"{3 + 4:>4}")
class P:
    def __format__(self, spec): return f"P({spec})"
print(f"{P():xyz} {P()}")
