import sys
print("a", "b", "c", sep="")
print("a", "b", sep=None)
print("x", end="")
print("y", end=None)
print(1, 2, sep=" :: ", end=" END\n")
sys.stdout.flush()
print("err line", file=sys.stderr, flush=True)
try:
    print(sep=5)
except TypeError as e:
    print(e)
try:
    print(end=[])
except TypeError as e:
    print(e)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("to", "object", file=w)
print(w.parts)
