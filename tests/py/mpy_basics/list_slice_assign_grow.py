l = [1, 2, 3]
l[1:1] = [10, 20, 30]
print(l)
l[:] = []
print(l)
l[0:0] = range(3)
print(l)
l[-1:] = "ab"
print(l)
l[10:] = [99]
print(l)
