it = iter([])
try:
    next(it)
except StopIteration as e:
    print(repr(e), e.value)
e = StopIteration(1, 2)
print(e.value, e.args)
print(StopIteration().value)
