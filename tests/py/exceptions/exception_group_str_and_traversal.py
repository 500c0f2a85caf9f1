eg = ExceptionGroup("top", [ValueError("a"), ExceptionGroup("mid", [TypeError("b"), KeyError("c")])])
print(str(eg), repr(eg.message), len(eg.exceptions))
def leaves(e):
    if isinstance(e, BaseExceptionGroup):
        for x in e.exceptions:
            yield from leaves(x)
    else:
        yield e
print([repr(x) for x in leaves(eg)])
sub = eg.subgroup(lambda e: isinstance(e, (KeyError, ExceptionGroup)))
print(repr(sub))
try:
    ExceptionGroup("bad", [1])
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("bad", ValueError())
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
print(type(BaseExceptionGroup("m", [ValueError()])).__name__, type(ExceptionGroup("m", [ValueError()])).__name__)
