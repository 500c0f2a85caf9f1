def f(a, b, c, d, e):
    return (a, b, c, d, e)
print(f(1, *[2, 3], d=4, **{"e": 5}))
print(f(*(1, 2), *[3], **{"d": 4}, e=5))
try:
    f(1, 2, 3, 4, 5, **{"a": 1})
except TypeError as e:
    print(e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(e)
try:
    f(*5)
except TypeError as e:
    print(e)
try:
    f(**[1])
except TypeError as e:
    print(e)
