import types
@types.coroutine
def ask(q):
    answer = yield q
    return answer
async def interview():
    a = await ask("name?")
    b = await ask("age?")
    return f"{a} is {b}"
c = interview()
print(c.send(None))
print(c.send("Ann"))
try:
    c.send(30)
except StopIteration as e:
    print(e.value)
