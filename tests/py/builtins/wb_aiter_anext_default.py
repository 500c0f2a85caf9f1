async def agen():
    yield 1
    yield 2
class AIt:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2: raise StopAsyncIteration
        return self.i * 10
async def main():
    g = agen()
    it = aiter(g)
    print(await anext(it), await anext(it), await anext(it, 'done'))
    a = AIt()
    print(await anext(a), await anext(a), await anext(a, 'end'))
    try:
        await anext(a)
    except StopAsyncIteration:
        print('SAI')
    try:
        aiter(1)
    except TypeError as e:
        print(e)
    try:
        anext(1)
    except TypeError as e:
        print(e)
    res = []
    async for v in AIt():
        res.append(v)
    print(res)
c = main()
try:
    c.send(None)
except StopIteration:
    print('finished')
