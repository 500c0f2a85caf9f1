# enumerate, zip, map, filter, reversed: arguments, subclasses, errors, super.
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
t(lambda: enumerate(start=1))
t(lambda: enumerate([1], iterable=2))
t(lambda: enumerate([1], 2, start=2))
t(lambda: list(enumerate('ab', 2**63-2)))
t(lambda: list(enumerate('ab', -2**70)))
t(lambda: list(enumerate('ab', True)))
t(lambda: list(enumerate('ab', 1.5)))
t(lambda: zip(strict=1, x=2))
t(lambda: list(zip('ab', 'cd', strict=False)))
t(lambda: list(zip()))
class E(enumerate): pass
t(lambda: list(E('ab', 1)))
t(lambda: repr(E('ab'))[:12])
class M(map):
    def __init__(self, *a, **k): pass
t(lambda: list(M(str, [1], x=3)))
t(lambda: list(map(str, [1])))
t(lambda: list(filter(None, [0,1,2,'',3])))
t(lambda: list(filter(bool, [0,1,2,'',3])))
t(lambda: list(filter(lambda x: x > 1, [0,1,2,'',3])))
t(lambda: list(map(pow, [1,2,3], [2,3])))
t(lambda: list(reversed(range(4))))
t(lambda: list(reversed((1,2,3))))
t(lambda: list(reversed('abc')))
t(lambda: reversed(enumerate([])))
import sys
t(lambda: reversed.__length_hint__)
t(lambda: type(reversed((1,2))).__name__)
class Z(zip): pass
t(lambda: list(Z([1],[2], strict=True)))
t(lambda: repr(super)[:20])
class A:
    def f(self): return 'A.f'
    @classmethod
    def c(cls): return ('A.c', cls.__name__)
class B(A):
    def f(self): return 'B.f+' + super(B, self).f()
    @classmethod
    def c(cls): return super(B, cls).c()
t(lambda: B().f())
t(lambda: B.c())
t(lambda: super(B).__get__(B()).f())
t(lambda: super(B, B()).__class__)
t(lambda: super(B, B()).nonexist)
t(lambda: super(A, A()).f)
print(list(enumerate('abc')), list(enumerate('abc', 1)), list(enumerate('abc', start=-1)))
print(list(enumerate(iterable='ab', start=3)), list(enumerate(start=3, iterable='ab')))
e = enumerate([1, 2])
print(iter(e) is e, next(e), next(e))
t(lambda: next(e))
print(list(zip('abc', range(10), [1, 2, 3, 4])))
print(dict(zip('ab', [1, 2])), list(zip()), list(zip('a')))
t(lambda: list(zip('ab', 'abc', strict=True)))
print(list(zip('ab', 'cd', strict=True)))
print(list(map(lambda x: x * 2, range(4))), list(map(max, [1, 5], [3, 2], [0, 9])))
print(list(map(str.upper, 'ab')))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, '', 'a', [], [1]])))
print(list(reversed([1, 2, 3])), list(reversed(range(5))), list(reversed('abc')), list(reversed((1, 2))))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * i
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self): return iter([3, 2, 1])
print(list(reversed(Rev())))
t(lambda: reversed(Rev(), 1))
t(lambda: reversed(5))
t(lambda: reversed({1, 2}))
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), r.__length_hint__())
import operator
print(operator.length_hint(reversed(Seq())))
class En(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return i * 10, v
print(list(En('ab')))
class Zp(zip):
    pass
print(list(Zp('ab', 'cd')), isinstance(Zp('a'), zip))
class Mp(map):
    def __init__(self, f, *its): self.extra = 1
mp = Mp(str, [1, 2])
print(list(mp), mp.extra)
class Fl(filter): pass
print(list(Fl(None, [0, 1])))
class Rv(reversed): pass
print(list(Rv([1, 2])))
def gen():
    yield 1
    yield 2
print(list(enumerate(gen())), list(zip(gen(), gen())), list(map(lambda a: -a, gen())))
def bad():
    yield 1
    raise ValueError('boom')
t(lambda: list(zip(bad(), bad())))
t(lambda: list(map(lambda x: 1 / 0, [1])))
t(lambda: list(filter(lambda x: 1 / 0, [1])))
t(lambda: list(enumerate(bad())))
m = map(int, ['1', 'x'])
print(next(m))
t(lambda: next(m))
big = 2 ** 70
print(list(enumerate('ab', big)))
print(sum(i for i, _ in enumerate(range(1000))))
print([*zip(*[[1, 2], [3, 4]])])
t(lambda: zip.__new__(zip, 1))
print(list(zip(strict=True)))
