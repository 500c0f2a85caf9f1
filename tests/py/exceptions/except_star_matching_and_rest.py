def f(excs):
    try:
        raise ExceptionGroup("eg", excs)
    except* (ValueError, TypeError) as g:
        print("VT", sorted(repr(e) for e in g.exceptions))
    except* OSError as g:
        print("OS", [type(e).__name__ for e in g.exceptions])
f([ValueError(1), FileNotFoundError(2, "x"), TypeError(3)])
try:
    f([KeyError("k"), ValueError("v")])
except* KeyError as g:
    print("outer got", g.exceptions)
