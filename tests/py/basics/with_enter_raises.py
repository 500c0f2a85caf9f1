class CM:
    def __init__(self, fail): self.fail = fail
    def __enter__(self):
        if self.fail:
            raise RuntimeError("enter failed")
        print("entered")
        return self
    def __exit__(self, *a):
        print("exit called", a[0].__name__ if a[0] else None)
try:
    with CM(False), CM(True):
        print("body not run")
except RuntimeError as e:
    print("caught", e)
class NoExit:
    def __enter__(self): return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
