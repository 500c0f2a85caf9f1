import math
for v in (2.5, -2.5, 3.0, -0.5, 1e20):
    print(math.floor(v), math.ceil(v), math.trunc(v), int(v))
print(type(math.floor(2.5)).__name__)
