def m(x):
    match x:
        case [a, b]:
            return f"two items {a} {b}"
        case str():
            return "a string is not a sequence pattern"
        case _:
            return "other"
print(m("ab"), m(b"ab"), m(bytearray(b"ab")), m(["a", "b"]), m(range(2)), m(memoryview(b"ab")) if False else "skip")
from collections import deque
print(m(deque([1, 2])), m(iter([1, 2])), m({1: 2, 3: 4}))
