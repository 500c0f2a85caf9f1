print(None, repr(None), type(None).__name__, None is None, None == 0, bool(None))
print(type(None)() is None)
try:
    None.x
except AttributeError as e:
    print(e)
try:
    None()
except TypeError as e:
    print(e)
try:
    None + 1
except TypeError as e:
    print(e)
try:
    len(None)
except TypeError as e:
    print(e)
try:
    for x in None: pass
except TypeError as e:
    print(e)
try:
    None[0]
except TypeError as e:
    print(e)
