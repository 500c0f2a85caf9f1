def g():
    yield from "abc"
a, *b = g()
print(a, b)
print(*g())
print(sorted(g(), reverse=True), dict.fromkeys(g()), set(g()) == {"a", "b", "c"})
