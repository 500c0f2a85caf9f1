async def h():
    await asyncio.sleep(1)
    yield 1
