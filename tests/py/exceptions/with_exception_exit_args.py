class CM:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        print(t.__name__ if t else t, repr(v), tb is not None)
        return True
with CM():
    raise ValueError("inside with")
with CM():
    pass
