def g():
    yield 1
    return "result"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
def wrapper():
    r = yield from g()
    print("got", r)
    yield r
print(list(wrapper()))
