l = list(range(10))
l[2:5] = ["a", "b"]
print(l)
l[:0] = [-1]
print(l)
l[::3] = [0, 0, 0, 0]
print(l)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print(e)
l[1:3] = []
print(l)
l[len(l):] = "xy"
print(l)
del l[::-2]
print(l)
