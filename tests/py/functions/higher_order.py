def apply(f, *args):
    return f(*args)
print(apply(max, 3, 9, 2), apply(lambda: "x"), apply(sorted, [3, 1]))
def curry(f):
    return lambda a: lambda b: f(a, b)
print(curry(pow)(2)(10))
