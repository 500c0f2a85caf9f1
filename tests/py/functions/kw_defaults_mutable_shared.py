def f(*, acc={}):
    acc[len(acc)] = 1
    return len(acc)
print(f(), f(), f(acc={}))
