print(list(), list("abc"), list((1, 2)), list({"a": 1}), list(range(3)), list(x for x in [4]), list({5: 0}.values()))
try:
    list(5)
except TypeError as e:
    print(e)
try:
    list(1, 2)
except TypeError as e:
    print(e)
