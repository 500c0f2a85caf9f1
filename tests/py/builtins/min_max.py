print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min([], default="none"), max([], default=None))
print(min(["bb", "a", "ccc"], key=len), max(["bb", "a", "ccc"], key=len), max([1, 3, 3, 2], key=lambda x: x % 3))
print(max((1, "b"), (1, "a")), min(1, 2.5, -1), max([2, 2.0]), max([2.0, 2]))
for args in [(), ([],), (1,)]:
    try:
        min(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(e)
