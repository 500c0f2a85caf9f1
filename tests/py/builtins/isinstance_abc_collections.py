from collections.abc import Iterable, Sequence, Mapping, Callable, Hashable, Sized, Iterator, Generator
vals = [[1], (1,), "s", {1: 1}, {1}, 5, len, iter([]), (x for x in [])]
for v in vals:
    print(type(v).__name__, isinstance(v, Iterable), isinstance(v, Sequence), isinstance(v, Mapping), isinstance(v, Callable), isinstance(v, Hashable), isinstance(v, Sized), isinstance(v, Iterator), isinstance(v, Generator))
