class ACM:
    async def __aenter__(self):
        print("aenter")
        return "resource"
    async def __aexit__(self, *a):
        print("aexit", a[0])
class AIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= 3: raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    async with ACM() as r:
        print("using", r)
    out = []
    async for v in AIter():
        out.append(v)
    print(out, [x async for x in AIter()])
try:
    main().send(None)
except StopIteration:
    print("finished")
