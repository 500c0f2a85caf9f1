for i, (a, b) in enumerate(zip("xy", [10, 20])):
    print(i, a, b)
keys, vals = zip(*{"a": 1, "b": 2}.items())
print(keys, vals)
