def many(a, b, c, d):
    pass
try:
    many(1)
except TypeError as e:
    print(e)
try:
    many(1, 2)
except TypeError as e:
    print(e)
def kw(*, a, b, c):
    pass
try:
    kw(b=1)
except TypeError as e:
    print(e)
def opt(a, b=1):
    pass
try:
    opt(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    opt()
except TypeError as e:
    print(e)
def po(a, b, /):
    pass
try:
    po(a=1, b=2)
except TypeError as e:
    print(e)
def kwo(a, *, k):
    pass
try:
    kwo(1, 2, k=3)
except TypeError as e:
    print(e)
try:
    kwo(1, 2, 3)
except TypeError as e:
    print(e)
