def outer(a, /, b=1, *args, c, d=2, **kw) -> "r":
    n = 0
    def inner(e: int):
        nonlocal n
        n += e
        return a, n
    return [inner(v) for v in args], lambda q=b: q + c


class K(Base, metaclass=Meta):
    "doc"
    attr: int = 3
    def method(self):
        return super().method(), __class__
    def __private(self):
        return self.__x


@decorate
async def agen(items):
    async with items as it:
        async for x in it:
            yield await x
