a = {"x": 1, "y": 2}
b = {"y": 3, "z": 4}
print(a | b, b | a)
a |= b
print(a)
try:
    a | [1]
except TypeError as e:
    print(e)
