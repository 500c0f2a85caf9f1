import contextlib
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("b") as t:
    print("inside", t)
with contextlib.suppress(KeyError, IndexError):
    {}["x"]
print("suppressed")
import io
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))
with contextlib.ExitStack() as stack:
    for n in ("x", "y"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
    print("stack body")
class Res:
    def close(self): print("closed")
with contextlib.closing(Res()):
    pass
with contextlib.nullcontext(5) as v:
    print(v)
