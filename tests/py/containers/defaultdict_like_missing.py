class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "mississippi":
    c[ch] = c[ch] + 1
print(sorted(c.items()), c["zzz"], "zzz" in c, c.get("zzz"))
