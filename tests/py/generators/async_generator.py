async def agen():
    for i in range(3):
        yield i * 10
async def main():
    res = []
    async for v in agen():
        res.append(v)
    return res
try:
    main().send(None)
except StopIteration as e:
    print(e.value)
print(type(agen()).__name__)
