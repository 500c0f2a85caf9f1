def f(a: int, b: "str" = "x", *args: float, c: bool = True, **kw: dict) -> None:
    pass
print(f.__annotations__)
print((lambda x: x).__annotations__)
