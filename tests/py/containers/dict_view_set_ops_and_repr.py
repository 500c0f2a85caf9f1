d = {"a": 1, "b": 2}
e = {"b": 3, "c": 4}
print(d.keys() & e.keys(), d.keys() - e, sorted(d.keys() | e.keys()), d.items() & {("a", 1)}, sorted(d.keys() ^ ["a", "z"]))
print(d.keys() == {"a", "b"}, d.values() == d.values(), d.items() <= {("a", 1), ("b", 2), ("q", 0)}, d.keys().isdisjoint(["z"]))
print(repr(d.keys()), repr(d.values()), repr(d.items()), repr({}.keys()))
print(len(d.items()), ("a", 1) in d.items(), ["a", 1] in d.items() if False else ("a", 2) in d.items(), reversed(d.values()).__class__.__name__)
