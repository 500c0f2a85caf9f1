def f(a, *, b=1, **kw) -> int:
	return a
