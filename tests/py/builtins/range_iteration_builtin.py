print(list(range(0)), list(range(3)), list(range(-3, 3)), list(range(10, 0, -3)), sum(range(1, 1001)))
print(range(3)[-1], range(0, 10, 3)[1:], list(range(5))[::-2])
