def m(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case [a, *rest] if len(rest) > 3:
            return f"many {a} {rest}"
        case (a, *mid, z):
            return f"seq {a} {mid} {z}"
for v in ([], [1], (1, 2), [1, 2, 3], list(range(6)), "ab", {"a": 1}):
    print(repr(v), m(v))
