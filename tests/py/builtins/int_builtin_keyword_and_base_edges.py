print(int("5"), int("11", base=2), int("z", base=36))
try:
    int(x="9")
except TypeError as e:
    print(e)
for args, kw in [(("12",), {"base": 1}), (("12",), {"base": -1}), ((12,), {"base": 10}), (("12", 10, 3), {})]:
    try:
        print(int(*args, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
