it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
vals = [3, 2, 1, 0, 5]
def pop():
    return vals.pop(0)
print(list(iter(pop, 0)))
print(vals)
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    iter(5, 0)
except TypeError as e:
    print(e)
try:
    next(5)
except TypeError as e:
    print(e)
