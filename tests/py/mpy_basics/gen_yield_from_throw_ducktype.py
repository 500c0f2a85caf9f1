class Thrower:
    def __iter__(self): return self
    def __next__(self): return "next"
    def throw(self, *args):
        print("throw called with", args[0].__name__ if isinstance(args[0], type) else type(args[0]).__name__)
        return "from throw"
    def close(self):
        print("close called")
def gen():
    yield from Thrower()
g = gen()
print(next(g))
print(g.throw(ValueError))
g.close()
