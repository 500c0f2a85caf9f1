try:
    len(obj=[])
except TypeError as e:
    print(e)
try:
    sorted([1], reversed=True)
except TypeError as e:
    print(e)
try:
    print("a", bad=1)
except TypeError as e:
    print(e)
try:
    "x".split(sep=",", maxsplit=1, extra=2)
except TypeError as e:
    print(e)
try:
    abs(1, 2)
except TypeError as e:
    print(e)
try:
    len()
except TypeError as e:
    print(e)
