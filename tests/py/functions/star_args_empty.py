def f(*a, **k):
    return len(a), len(k)
print(f(*[], **{}), f(*(), *[]), f(**{}, **{}))
