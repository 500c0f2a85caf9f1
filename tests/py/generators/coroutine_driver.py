import types
@types.coroutine
def sleep(n):
    yield ("sleep", n)
async def worker(name, n):
    for i in range(n):
        await sleep(i)
        print(name, "step", i)
    return name
def run(coros):
    results = []
    queue = list(coros)
    while queue:
        c = queue.pop(0)
        try:
            c.send(None)
            queue.append(c)
        except StopIteration as e:
            results.append(e.value)
    return results
print(run([worker("a", 2), worker("b", 3), worker("c", 1)]))
