try:
    sorted([1, 2], key=5)
except TypeError as e:
    print(e)
try:
    sorted([1, 2], 5)
except TypeError as e:
    print(e)
try:
    [].sort(cmp=None)
except TypeError as e:
    print(e)
