a = 5
b = 2 + 3
print(a is b, a == b)
x = [1, 2]
print(x[0] is 1) if False else print(x[0] == 1)
