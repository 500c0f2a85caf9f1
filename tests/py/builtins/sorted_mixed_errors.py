try:
    sorted([3, "a", 1])
except TypeError as e:
    print(e)
try:
    sorted([None, None, 1])
except TypeError as e:
    print(e)
try:
    max([{}, {}])
except TypeError as e:
    print(e)
