class Awaitable:
    def __await__(self):
        v = yield "suspend"
        return f"resumed with {v}"
async def co():
    r = await Awaitable()
    print(r)
    return "done"
c = co()
print(c.send(None))
try:
    c.send("X")
except StopIteration as e:
    print(e.value)
