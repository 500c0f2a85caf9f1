def run(excs):
    try:
        raise ExceptionGroup("grp", excs)
    except* ValueError as g:
        print("values:", [str(e) for e in g.exceptions])
    except* TypeError as g:
        print("types:", [str(e) for e in g.exceptions])
run([ValueError("a"), TypeError("b"), ValueError("c")])
run([TypeError("only")])
try:
    run([KeyError("unhandled"), ValueError("x")])
except ExceptionGroup as eg:
    print("left:", repr(eg.exceptions))
try:
    try:
        raise ValueError("naked")
    except* ValueError as g:
        print("wrapped", type(g).__name__, g.exceptions)
except Exception:
    pass
