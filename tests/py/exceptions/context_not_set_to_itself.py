try:
    e = ValueError("same")
    try:
        raise e
    except ValueError:
        raise e
except ValueError as x:
    print(x.__context__)
def reraiser():
    try:
        raise KeyError("k")
    except KeyError as err:
        raise err from err
try:
    reraiser()
except KeyError as x:
    print(repr(x.__cause__), x.__cause__ is x, x.__context__)
