class Resource:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        raise RuntimeError("cleanup failed")
with Resource():
    raise ValueError("body failed")
