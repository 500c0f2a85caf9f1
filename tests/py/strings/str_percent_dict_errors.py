try:
    print("%(a)s %s" % {"a": 1})
except TypeError as e:
    print(e)
try:
    print("%d" % 1.5)
except TypeError as e:
    print("err", e)
else:
    pass
try:
    print("%d" % "1")
except TypeError as e:
    print(e)
try:
    print("%c" % "ab")
except TypeError as e:
    print(e)
try:
    print("%c" % 2 ** 30)
except OverflowError as e:
    print(e)
