log = []
class CM:
    def __enter__(self):
        log.append("in")
        return 1
    def __exit__(self, *a):
        log.append("out")
with CM() as v:
    assert v == 1
assert log == ["in", "out"]
try:
    with CM():
        raise KeyError
except KeyError:
    pass
assert log == ["in", "out", "in", "out"]
print("with ok")
