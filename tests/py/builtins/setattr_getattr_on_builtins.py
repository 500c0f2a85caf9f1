try:
    setattr(1, "x", 2)
except AttributeError as e:
    print(e)
try:
    setattr(str, "x", 2)
except TypeError as e:
    print(e)
print(getattr(str, "join")(",", "ab"), getattr([], "__class__"), getattr(int, "mro")()[-1])
