names = ["a", "b", "c"]
ages = [1, 2, 3]
print(list(enumerate(names)), list(enumerate(names, 10)), dict(zip(names, ages)), list(zip(*[(1, 2), (3, 4)])))
for i, (n, a) in enumerate(zip(names, ages), start=1):
    print(i, n, a)
