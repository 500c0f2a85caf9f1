@decorator
@other.deco(1, 2)
@x[0].y
def f(): pass
