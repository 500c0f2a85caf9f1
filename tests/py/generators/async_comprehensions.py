async def arange(n):
    for i in range(n):
        yield i
async def main():
    a = [x async for x in arange(4)]
    b = {x: x * x async for x in arange(3)}
    c = [x async for x in arange(6) if x % 2]
    return a, b, c
try:
    main().send(None)
except StopIteration as e:
    print(e.value)
