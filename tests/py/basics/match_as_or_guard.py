def m(x):
    match x:
        case [1, (2 | 3) as second]:
            return f"second {second}"
        case (int() | float()) as num if num > 100:
            return f"big {num}"
        case [_, _] as pair:
            return f"pair {pair}"
        case str(s) if s.startswith("a"):
            return "a-word"
    return "fallthrough"
for v in ([1, 2], [1, 3], [1, 4], 500, 5.0, "apple", "pear", 1000.5):
    print(repr(v), m(v))
