g = {}
exec("x = 5\ny = x * 2", g)
print(g["x"], g["y"], "__builtins__" in g)
print(eval("x + y", g), eval("a * b", {"a": 3}, {"b": 4}), eval("len('abc')"))
l = {}
exec("def f(): return 42\nz = f()", {}, l)
print(l["z"], sorted(l))
exec("print('printed from exec')")
ns = {"v": 1}
exec(compile("v += 1", "<s>", "exec"), ns)
print(ns["v"])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg)
