for expr in ("[] - []", "{} + {}", "1 @ 2", "'a' ** 2", "None < 1", "[1] < (1,)", "-[]", "~'x'", "+None", "1 in 1", "len(1)", "[].x", "(1).__foo"):
    try:
        eval(expr)
    except (TypeError, AttributeError) as e:
        print(expr, "->", type(e).__name__, e)
