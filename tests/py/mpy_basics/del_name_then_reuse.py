x = 5
del x
x = 6
print(x)
l = [1]
del l[0]
l.append(2)
print(l)
