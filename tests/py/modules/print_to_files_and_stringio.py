import io, sys
buf = io.StringIO()
print("a", 1, [2], sep="|", end="#", file=buf)
print(file=buf)
print("x", file=buf, flush=True)
print(repr(buf.getvalue()))
class Collect:
    def __init__(self): self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
c = Collect()
print("p", "q", file=c, flush=True)
print(c.parts)
old = sys.stdout
sys.stdout = io.StringIO()
print("captured by swap")
captured = sys.stdout.getvalue()
sys.stdout = old
print(repr(captured))
