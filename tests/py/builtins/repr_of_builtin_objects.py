print(repr(range(1, 5, 2)), repr(slice(1, None)), repr(...), repr(NotImplemented), repr(type(None)), repr(Ellipsis))
print(repr(b"a\x00"), repr(bytearray()), repr(memoryview(b"")).startswith("<memory at 0x"), repr(frozenset({1})), repr(complex(1, -1)))
print(repr(int), repr(str.upper), repr(dict.fromkeys).startswith("<built-in method fromkeys"), repr([].append).startswith("<built-in method append of list object at 0x"))
print(repr(property()).startswith("<property object at"), repr(classmethod), repr(object.__init__))
