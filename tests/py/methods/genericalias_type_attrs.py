# engineer "methods": genericalias type attrs — compared with CPython 3.11
import collections, types
def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
a = list[int]
print(a, repr(a), a.__origin__, a.__args__, a.__parameters__)
print(dict[str, list[int]], tuple[int, ...], tuple[()], set[float], frozenset[bytes], type[int])
print(list[int] == list[int], list[int] == list[str], list[int] != list[int], list[int] == list)
print(hash(list[int]) == hash(list[int]))
print(list[int]('ab'), dict[str, int](a=1), tuple[int](), list[int]())
t(isinstance, [], list[int])
t(issubclass, list, list[int])
print(type(list[int]).__name__, type(list[int]).__module__, type(list[int]) is types.GenericAlias)
print(list[int].append, list[int].__name__)
print(list[collections.OrderedDict], dict[int, None])
class C(list[int]): pass
print(C.__mro__, C.__bases__)
print(types.GenericAlias(list, int), types.GenericAlias(dict, (int, str)))
t(lambda: list[int][str])
print(list[int].__reduce__())
d = {list[int]: 1}; print(d[list[int]])
import typing
print(list[int] == typing.List[int])
def f(x: int, y: str = 'a') -> list[int]: pass
class A:
    x: int
    y: 'str' = 3
print(A.__annotations__)
class B: pass
print(B.__annotations__)
B.__annotations__ = {'z': 1}; print(B.__annotations__)
del B.__annotations__
t(lambda: int.__annotations__)
print(type(int.__basicsize__), type(int.__itemsize__), type(int.__flags__), int.__text_signature__)
print(type.__text_signature__)
t(lambda: collections.deque[int])
t(lambda: collections.defaultdict[str, int])
import copy
class P:
    def __init__(self): self.a = [1]; self.b = 2
p = P(); q = copy.copy(p); print(q.a is p.a, q.b, type(q).__name__)
r = copy.deepcopy(p); print(r.a == p.a, r.a is p.a)
print(p.__reduce_ex__(2)[0].__name__, p.__reduce_ex__(4)[1:3])
class L(list): pass
l = L([1,2]); l.x = 5; m = copy.copy(l); print(m, type(m).__name__, m.x)
class S:
    __slots__ = ('a',)
class N:
    def __getnewargs__(self): return (1,2)
    def __new__(cls, *a): return object.__new__(cls)
print(N().__reduce_ex__(2)[1][1:])
t(lambda: (5).__reduce_ex__(2)[1:])
