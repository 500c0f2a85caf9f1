def m(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hi":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case -5:
            return "minus five"
        case 1.5:
            return "float"
        case _:
            return "other"
for v in (0, 2, "hi", None, True, -5, 1.5, 99, False):
    print(repr(v), m(v))
