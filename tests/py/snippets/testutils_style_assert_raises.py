def assert_raises(exc_type, fn, *args, _msg=None, **kw):
    try:
        fn(*args, **kw)
    except exc_type as e:
        if _msg is not None:
            assert str(e) == _msg, (str(e), _msg)
        return e
    raise AssertionError(f"{exc_type.__name__} not raised")
assert_raises(ZeroDivisionError, lambda: 1 // 0, _msg="integer division or modulo by zero")
assert_raises(TypeError, len, 5, _msg="object of type 'int' has no len()")
assert_raises(KeyError, {}.__getitem__, "k")
assert_raises(IndexError, [].pop, _msg="pop from empty list")
assert_raises(ValueError, int, "x", _msg="invalid literal for int() with base 10: 'x'")
assert_raises(AttributeError, getattr, 1, "nope", _msg="'int' object has no attribute 'nope'")
assert_raises(StopIteration, next, iter(()))
assert_raises(OverflowError, float, 10 ** 400)
assert_raises(TypeError, hash, [], _msg="unhashable type: 'list'")
assert_raises(RecursionError, (lambda f: f(f)), lambda f: f(f))
print("assert_raises ok")
