x = [1, 2, 3]
i = 0
x[i] = i = 2
print(x, i)
a = b = []
a.append(1)
print(b)
