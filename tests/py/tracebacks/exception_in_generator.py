def gen():
    yield 1
    raise ValueError("generator failed")
for x in gen():
    pass
