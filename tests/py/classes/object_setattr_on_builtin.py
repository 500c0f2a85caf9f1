try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    (1).real = 5
except AttributeError as e:
    print(e)
try:
    int.x = 1
except TypeError as e:
    print(e)
try:
    "abc".upper = None
except AttributeError as e:
    print(e)
