# Deleting a special method from a live class: the slot it fed goes back to
# what the class would have without it (an inherited definition, the
# built-in ancestor's, or none: then the TypeError CPython raises).
class C:
    def __len__(self): return 1
    def __iter__(self): return iter([1])
    def __getitem__(self, i): return i
    def __add__(self, o): return 5
    def __hash__(self): return 7
    def __call__(self): return 3
del C.__len__
try: print(len(C()))
except Exception as e: print(type(e).__name__, e)
del C.__iter__
print(list(zip(C(), range(3))))
del C.__getitem__
try: print(C()[0])
except Exception as e: print(type(e).__name__, e)
try: iter(C())
except Exception as e: print(type(e).__name__, e)
del C.__add__
try: print(C() + 1)
except Exception as e: print(type(e).__name__, e)
del C.__hash__
print(hash(C()) == hash(C()) or "distinct")
del C.__call__
try: C()()
except Exception as e: print(type(e).__name__, e)
class B:
    def __len__(self): return 2
class D(B):
    def __len__(self): return 4
print(len(D()))
del D.__len__
print(len(D()))
del B.__len__
try: print(len(D()))
except Exception as e: print(type(e).__name__, e)
B.__len__ = lambda self: 9
print(len(D()))
class L(list):
    def __len__(self): return 100
print(len(L([1])))
del L.__len__
print(len(L([1,2])))
class S(str):
    def __hash__(self): return 1
del S.__hash__
print(hash(S("ab")) == hash("ab"))
class R:
    def __repr__(self): return "R!"
del R.__repr__
print(repr(R()).startswith("<__main__.R object"))
