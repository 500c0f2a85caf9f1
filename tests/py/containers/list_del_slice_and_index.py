l = list(range(10))
del l[2]
del l[-1]
del l[1:3]
del l[::3]
print(l)
try:
    del l[100]
except IndexError as e:
    print(e)
