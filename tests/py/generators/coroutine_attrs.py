async def f():
    return 1
c = f()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await)
c.close()
import inspect
print(inspect.iscoroutinefunction(f), inspect.iscoroutine(c), inspect.isgeneratorfunction(f))
