l = [3, 1, 2]
def key(x):
    return x
l.sort(key=key)
print(l)
try:
    l2 = [3, 2, 1]
    l2.sort(key=lambda x: l2.append(0) or x)
except ValueError as e:
    print(e)
