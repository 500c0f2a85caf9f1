import contextlib
@contextlib.contextmanager
def handler():
    try:
        yield
    except ValueError as e:
        print("handled", e)
with handler():
    raise ValueError("inside")
print("continues")
@contextlib.contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)
