class Aw:
    def __init__(self, v): self.v = v
    def __await__(self):
        return iter([]) if False else self._g()
    def _g(self):
        yield "tick"
        return self.v
class AIt:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    def __anext__(self):
        self.i += 1
        if self.i > 2:
            raise StopAsyncIteration
        return Aw(self.i)
async def main():
    out = []
    async for v in AIt(): out.append(v)
    return out
def run(c):
    try:
        while True: c.send(None)
    except StopIteration as e: return e.value
print(run(main()))
class BadAexit:
    async def __aenter__(self): return 1
    def __aexit__(self, *a): return 5
async def m2():
    async with BadAexit(): pass
try: run(m2())
except TypeError as e: print(e)
async def m3():
    async for x in 5: pass
try: run(m3())
except TypeError as e: print(e)
class NoAnext:
    def __aiter__(self): return 5
async def m4():
    async for x in NoAnext(): pass
try: run(m4())
except TypeError as e: print(e)
async def m5():
    async with 5: pass
try: run(m5())
except TypeError as e: print(e)
class BadAw:
    def __await__(self): return 5
async def m6(): await BadAw()
try: run(m6())
except TypeError as e: print(e)
async def inner(): return 7
async def m7():
    c = inner()
    r = await c
    try: await c
    except RuntimeError as e: print(e)
    return r
print(run(m7()))
async def agen():
    yield 1
    yield 2
async def m8():
    return [x async for x in agen()], [x * 2 async for x in agen() if x > 1]
print(run(m8()))
async def m9():
    g = agen()
    return await g.__anext__(), await g.asend(None)
print(run(m9()))
