class E(Exception): pass
class WithInit(Exception):
    def __init__(self, a, b=2):
        super().__init__(a)
        self.b = b
for e in (E(), E(1), E(1, "two"), WithInit("x"), OSError(), OSError("m"), OSError(2, "n", "f", None, "g"), UnicodeError("u"), BaseException(None), KeyError(None), Warning("w"), StopAsyncIteration(1), SystemExit(), GeneratorExit("g")):
    print(type(e).__name__, repr(e), "|", str(e))
