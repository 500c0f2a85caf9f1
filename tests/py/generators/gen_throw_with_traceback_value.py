def g():
    try:
        yield
    except Exception as e:
        yield type(e).__name__ + ":" + str(e)
it = g()
next(it)
print(it.throw(TypeError("bad type")))
it2 = g()
next(it2)
print(it2.throw(ValueError))
