async def fail():
    raise ValueError("inside")
async def catcher():
    try:
        await fail()
    except ValueError as e:
        return f"caught {e}"
c = catcher()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
