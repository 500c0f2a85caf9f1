async def f():
    return 1
c = f()
try:
    for x in c:
        pass
except TypeError as e:
    print(e)
c.close()
async def g():
    await 5
c = g()
try:
    c.send(None)
except TypeError as e:
    print(e)
c2 = f()
try:
    c2.send(None)
except StopIteration as e:
    print(e.value)
try:
    c2.send(None)
except RuntimeError as e:
    print(e)
