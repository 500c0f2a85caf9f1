calls = []
def make_default():
    calls.append(1)
    return len(calls)
def f(x=make_default()):
    return x
print(f(), f(), calls)
