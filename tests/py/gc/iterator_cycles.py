# Iterators, dict views and the async-generator helper objects take part in
# the cycle collector: a cycle through any of them is freed.
import gc, weakref, types, io, sys
class O: pass
def check(name, make):
    o = O()
    holder = make(o)
    o.h = holder
    r = weakref.ref(o)
    del o, holder
    gc.collect()
    print(name, r() is None)
check("list_iterator", lambda o: iter([o]))
check("list_reverseiterator", lambda o: reversed([o]))
check("tuple_iterator", lambda o: iter((o,)))
check("set_iterator", lambda o: iter({o}))
check("dict_keyiterator", lambda o: iter({o: 1}))
check("dict_valueiterator", lambda o: iter({1: o}.values()))
check("dict_items", lambda o: {1: o}.items())
check("SimpleNamespace", lambda o: types.SimpleNamespace(x=o))
check("enumerate", lambda o: enumerate([o]))
check("zip", lambda o: zip([o]))
check("map", lambda o: map(id, [o]))
check("filter", lambda o: filter(None, [o]))
check("range+closure", lambda o: (lambda: o))
check("bound method", lambda o: o.__init__)
check("partial", lambda o: __import__("functools").partial(print, o))
check("property", lambda o: property(lambda s: o))
check("classmethod", lambda o: classmethod(lambda c: o))
check("staticmethod", lambda o: staticmethod(lambda: o))
check("super", lambda o: super(O, o))
check("mappingproxy", lambda o: types.MappingProxyType({1: o}))
check("exception", lambda o: ValueError(o))
check("ExceptionGroup", lambda o: ExceptionGroup("m", [ValueError(o)]))
check("deque", lambda o: __import__("collections").deque([o]))
check("defaultdict", lambda o: __import__("collections").defaultdict(lambda: o))
check("OrderedDict", lambda o: __import__("collections").OrderedDict(a=o))
check("namedtuple", lambda o: __import__("collections").namedtuple("P", "a")(o))
check("itertools.chain", lambda o: __import__("itertools").chain([o]))
check("itertools.count.cycle", lambda o: __import__("itertools").cycle([o]))
check("itertools.islice", lambda o: __import__("itertools").islice([o], 1))
check("itertools.tee", lambda o: __import__("itertools").tee([o])[0])
check("itertools.groupby", lambda o: __import__("itertools").groupby([o]))
check("itemgetter", lambda o: __import__("operator").itemgetter(o))
check("methodcaller", lambda o: __import__("operator").methodcaller("x", o))
check("attrgetter", lambda o: __import__("operator").attrgetter("x"))
check("lru_cache", lambda o: __import__("functools").lru_cache()(lambda: o))
check("cell", lambda o: (lambda: o).__closure__[0])
check("weakref proxy cb", lambda o: weakref.proxy(O(), lambda r: o))
check("weakref ref cb", lambda o: weakref.ref(O(), lambda r: o))
check("StringIO", lambda o: io.StringIO())
check("gen_expr", lambda o: (x for x in [o]))
check("list", lambda o: [o])
check("module", lambda o: types.ModuleType("m"))
check("slice", lambda o: slice(o))
check("reversed seq", lambda o: reversed((o,)))
check("memoryview", lambda o: memoryview(b"x"))
check("str_iter", lambda o: iter("ab"))
check("callable_iterator", lambda o: iter(lambda: o, 1))
check("seq_iterator", lambda o: iter(__import__("collections").UserList([o])))
check("star map", lambda o: __import__("itertools").starmap(print, [(o,)]))
class O: pass
async def agen(o):
    yield o
    yield 2
o = O()
g = agen(o)
a = g.asend(None)
o.a = a
o.g = g
r = weakref.ref(o)
del o, a, g
gc.collect()
print("async_generator_asend", r() is None)
async def co(o):
    return o
o = O(); c = co(o); w = c.__await__(); o.w = w; r = weakref.ref(o); c.close(); del o, c, w; gc.collect(); print("coroutine_wrapper", r() is None)
