class MyGen:
    def __init__(self):
        self.v = 0
    def __iter__(self):
        return self
    def __next__(self):
        return self.send(None)
    def send(self, val):
        self.v += 1
        if self.v > 3:
            raise StopIteration(("done", val))
        return ("value", self.v, val)
def gen():
    res = yield from MyGen()
    print("result", res)
g = gen()
print(next(g))
print(g.send("s1"))
print(g.send("s2"))
try:
    g.send("s3")
except StopIteration:
    print("stopped")
