o = object()
print(type(o).__name__, o == o, o != object(), isinstance(o, object))
try:
    o.x = 1
except AttributeError as e:
    print(e)
print(object.__name__, object.__bases__, len(dir(object())) > 10)
