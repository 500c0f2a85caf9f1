x = 1
del globals()["x"]
try:
    print(x)
except NameError as e:
    print(e)
globals().update({"y": 2})
print(y)
