try:
    raise ValueError("x")
except Exception as e:
    assert type(e) is ValueError
    assert e.args == ("x",)
    assert str(e) == "x"
    assert repr(e) == "ValueError('x')"
assert issubclass(KeyError, LookupError)
assert issubclass(ModuleNotFoundError, ImportError)
assert isinstance(StopIteration(), Exception)
assert not isinstance(KeyboardInterrupt(), Exception)
e = OSError(2, "msg")
assert type(e) is FileNotFoundError
assert e.errno == 2
print("exceptions ok")
