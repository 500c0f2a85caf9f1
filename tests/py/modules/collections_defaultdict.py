from collections import defaultdict
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(d, dict(d), d["new"], len(d))
cnt = defaultdict(int)
for w in "the cat the dog the".split():
    cnt[w] += 1
print(sorted(cnt.items()), d.default_factory.__name__)
nd = defaultdict(lambda: "N/A")
print(nd["x"], repr(defaultdict(None)))
try:
    defaultdict(None)["k"]
except KeyError as e:
    print("KeyError", e)
