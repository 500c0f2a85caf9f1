async def leaf(n):
    return n * 2
async def mid(n):
    return await leaf(n) + 1
async def top():
    total = 0
    for i in range(5):
        total += await mid(i)
    return total
c = top()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
