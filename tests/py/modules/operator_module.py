import operator as op
print(op.add(1, 2), op.mul(3, 4), op.sub(5, 1), op.truediv(1, 2), op.floordiv(7, 2), op.mod(7, 3), op.neg(5), op.pow(2, 5))
print(op.eq(1, 1), op.lt(1, 2), op.not_(0), op.truth([1]), op.contains([1, 2], 2), op.getitem("abc", 1), op.concat([1], [2]))
print(op.itemgetter(1)([5, 6]), op.itemgetter(0, 2)("xyz"), op.attrgetter("real")(3 + 4j), op.methodcaller("upper")("hi"))
print(sorted([(1, "b"), (0, "a")], key=op.itemgetter(1)), op.index(5), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.lshift(1, 4), op.inv(0))
l = [1, 2, 3]
op.setitem(l, 0, 9); op.delitem(l, 1)
print(l, op.iadd([1], [2]), op.is_(None, None), op.abs(-2), op.countOf([1, 1, 2], 1), op.indexOf("abc", "c"))
