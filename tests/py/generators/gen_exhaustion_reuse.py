g = (x for x in range(3))
print(list(g), list(g), next(g, "empty"))
def gen():
    yield 1
it = gen()
print(iter(it) is it, list(it), list(it))
