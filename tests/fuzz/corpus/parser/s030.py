async def f():
    async for x in aiter():
        await x
    async with a as b, c:
        pass
