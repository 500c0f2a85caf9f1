s = {1}
try:
    s.remove(2)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print(e)
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    s | [1]
except TypeError as e:
    print(e)
try:
    s[0]
except TypeError as e:
    print(e)
