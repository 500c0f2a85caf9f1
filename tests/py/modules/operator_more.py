import operator as op
class P:
    def __init__(self): self.inner = type("I", (), {"val": 42})()
print(op.attrgetter("inner.val")(P()), op.attrgetter("real", "imag")(1 + 2j), op.itemgetter(slice(1, 3))("abcd"))
print(op.methodcaller("split", ",", 1)("a,b,c"), op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.truediv(7, 2), op.matmul.__name__)
x = [1]
print(op.iconcat(x, [2]), x, op.ipow(2, 3), op.contains("abc", "b"), op.is_not(1, None), op.not_([]))
