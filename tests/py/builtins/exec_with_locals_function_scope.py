def f():
    ns = {}
    exec("a = 1; b = a + 1", globals(), ns)
    return ns
print(f())
code = "result = [n * n for n in range(4)]"
d = {}
exec(code, d)
print(d["result"])
print(eval("[i for i in range(3)]"))
