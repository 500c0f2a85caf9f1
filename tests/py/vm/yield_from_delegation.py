class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration(99)
        return self.n
    def throw(self, *a): print("It.throw", a[0].__class__.__name__ if not isinstance(a[0], type) else a[0].__name__); raise StopIteration("thrown-result")
    def close(self): print("It.close")
def d():
    r = yield from It()
    print("r", r)
    yield "after"
g = d(); print(next(g)); print(g.throw(KeyError("x"))); g.close()
g = d(); next(g); g.close()
print(list(d()))
def sub():
    try:
        yield 1
    finally:
        print("sub finally")
def outer():
    try:
        yield from sub()
    finally:
        print("outer finally")
o = outer(); next(o); o.close()
o = outer(); next(o); del o
def ret_gen():
    x = yield
    return x * 2
def deleg():
    v = yield from ret_gen()
    return v
dg = deleg(); next(dg)
try: dg.send(21)
except StopIteration as e: print("result", e.value)
def gen_with_exc():
    try:
        yield 1
    except Exception as e:
        print("got", repr(e))
        raise
g = gen_with_exc(); next(g)
try: g.throw(ValueError, ValueError("v"), None)
except ValueError as e: print("out", e)
g = gen_with_exc(); next(g)
try: g.throw(TypeError("t").with_traceback(None))
except TypeError as e: print("out2", e)
def ystar():
    yield from [1, 2]
    yield from (x for x in "ab")
print(list(ystar()))
z = (lambda: (yield 5))()
print(next(z))
print(g.gi_frame, g.gi_code.co_name)
