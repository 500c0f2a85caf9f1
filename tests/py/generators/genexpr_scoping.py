x = 10
g = (x * i for i in range(3))
x = 20
print(list(g))
items = [1, 2, 3]
g = (i for i in items)
items = [4, 5]
print(list(g))
try:
    (i for i in 5)
except TypeError as e:
    print(e)
