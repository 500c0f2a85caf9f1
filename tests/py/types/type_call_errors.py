try:
    int.foo
except AttributeError as e:
    print(e)
try:
    list.append(1, 2)
except TypeError as e:
    print(e)
try:
    type()
except TypeError as e:
    print(e)
try:
    object(1)
except TypeError as e:
    print(e)
