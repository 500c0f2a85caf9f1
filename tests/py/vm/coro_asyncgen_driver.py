class Fut:
    def __init__(self, v): self.v = v
    def __await__(self):
        r = yield ("fut", self.v)
        return r
async def sub(x):
    r = await Fut(x)
    return r * 2
async def main():
    a = await sub(1)
    b = await sub(2)
    return a + b
def run(coro):
    val = None
    while True:
        try:
            req = coro.send(val)
            print("req", req)
            val = req[1] + 10
        except StopIteration as e:
            return e.value
print(run(main()))
c = main(); print(type(c).__name__, repr(c)[:22]); c.close()
async def agen(n):
    for i in range(n):
        await Fut(i)
        yield i
    print("agen done")
async def use():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
print(run(use()))
class ACM:
    async def __aenter__(self):
        print("aenter"); return self
    async def __aexit__(self, *a):
        print("aexit", a[0]); return True
async def w():
    async with ACM() as m:
        raise ValueError("x")
    return "ok"
print(run(w()))
async def ag2():
    try:
        yield 1
        yield 2
    finally:
        print("ag2 finally")
async def closer():
    g = ag2()
    print(await g.__anext__())
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("stopped")
print(run(closer()))
async def bad():
    await 5
try: run(bad())
except TypeError as e: print(e)
c = sub(1)
try:
    c.send(None); c.send(None); c.send(None)
except StopIteration as e: print("done", e.value)
except TypeError as e: print("TypeError", e)
try: c.send(None)
except RuntimeError as e: print(e)
async def athrow_t():
    try:
        yield 1
    except KeyError:
        yield "handled"
async def drv():
    g = athrow_t()
    await g.asend(None)
    print(await g.athrow(KeyError))
print(run(drv()))
cw = w().__await__()
print(type(cw).__name__, run(cw))
