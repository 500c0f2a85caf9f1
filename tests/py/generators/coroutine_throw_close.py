import types
@types.coroutine
def pause():
    yield "paused"
async def task():
    try:
        await pause()
    except ValueError as e:
        return f"handled {e}"
c = task()
c.send(None)
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print(e.value)
c2 = task()
c2.send(None)
c2.close()
print("closed", c2.cr_frame)
