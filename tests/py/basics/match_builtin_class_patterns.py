def m(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(i) if i < 0:
            return f"negative int {i}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s) if not s:
            return "empty str"
        case str(s):
            return f"str {s!r}"
        case bytes(bs):
            return f"bytes {bs!r}"
        case list([first, *_]):
            return f"list starting {first}"
        case tuple((a, b)):
            return f"pair {a},{b}"
        case dict({"k": v}):
            return f"dict k={v}"
        case set() | frozenset():
            return f"set of {len(x)}"
        case None:
            return "none"
    return "no match"
for v in (True, -3, 7, 2.5, "", "hi", b"x", [9, 8], [], (1, 2), (1, 2, 3), {"k": 0, "j": 1}, {1}, frozenset(), None, object):
    print(m(v))
