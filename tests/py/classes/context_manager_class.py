class Tx:
    def __init__(self): self.log = []
    def __enter__(self):
        self.log.append("begin")
        return self
    def __exit__(self, et, ev, tb):
        self.log.append("rollback" if et else "commit")
        return et is KeyError
with Tx() as t:
    t.log.append("work")
print(t.log)
with Tx() as t:
    raise KeyError("k")
print(t.log)
try:
    with Tx() as t:
        raise ValueError("v")
except ValueError:
    print(t.log)
