def boom():
    raise RuntimeError("evaluated eagerly")
try:
    g = (x for x in boom())
except RuntimeError as e:
    print("at creation:", e)
g = (boom() for x in range(1))
print("created lazily")
try:
    next(g)
except RuntimeError as e:
    print("at next:", e)
