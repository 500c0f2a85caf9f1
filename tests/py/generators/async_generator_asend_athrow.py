async def agen():
    try:
        v = yield 1
        print("got", v)
        yield 2
    finally:
        print("agen finally")
async def main():
    g = agen()
    print(await g.asend(None))
    print(await g.asend("sent"))
    await g.aclose()
    return "ok"
try:
    main().send(None)
except StopIteration as e:
    print(e.value)
