print(type(5), type("s"), type(type(5)), type(None).__name__)
X = type("X", (), {"v": 3})
print(X.v, X().v, X.__name__)
try:
    type("Y", 5, {})
except TypeError as e:
    print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
