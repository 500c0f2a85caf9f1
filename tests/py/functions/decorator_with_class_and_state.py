class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.fn(*a, **k)
@CountCalls
def hello(name):
    return "hi " + name
hello("a"); hello("b")
print(hello.calls, hello("c"), hello.calls, type(hello).__name__)
