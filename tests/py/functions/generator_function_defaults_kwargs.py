def gen(start=0, *, step=1, stop=5):
    i = start
    while i < stop:
        yield i
        i += step
print(list(gen()), list(gen(1, step=2)), list(gen(stop=2)))
