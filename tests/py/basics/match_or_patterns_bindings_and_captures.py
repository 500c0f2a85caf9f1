def m(x):
    match x:
        case (1, y) | (2, y) | [3, y]:
            return f"alt bound y={y}"
        case {"t": "a" | "b" as t}:
            return f"t is {t}"
        case [*_, (0 | 1) as last]:
            return f"ends with bit {last}"
        case _:
            return "none"
for v in ((1, "p"), [2, "q"], (3, "r"), {"t": "b"}, {"t": "c"}, [5, 5, 1], [5, 5, 2]):
    print(m(v))
try:
    exec("match 1:\n    case x:\n        pass\n    case 2:\n        pass\n")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec("match 1:\n    case (a, a):\n        pass\n")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec("match 1:\n    case 1 | y:\n        pass\n")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
