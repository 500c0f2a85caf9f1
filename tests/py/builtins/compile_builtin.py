c = compile("a + 1", "<expr>", "eval")
print(type(c).__name__, c.co_filename, eval(c, {"a": 41}))
c2 = compile("for i in range(2): print('loop', i)", "<exec>", "exec")
exec(c2)
c3 = compile("1 + 2", "<single>", "single")
exec(c3)
try:
    compile("x", "<f>", "bogus")
except ValueError as e:
    print(e)
try:
    compile("def (", "<bad>", "exec")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno)
