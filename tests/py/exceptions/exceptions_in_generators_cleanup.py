def g():
    try:
        yield 1
        raise ValueError("in gen")
    finally:
        print("gen finally")
try:
    for x in g():
        print(x)
except ValueError as e:
    print("caught", e)
