src = "def f():\n    x = 1\n    global x\n"
try:
    compile(src, "<s>", "exec")
except SyntaxError as e:
    print(e.msg)
try:
    compile("def f():\n    nonlocal q\n", "<s>", "exec")
except SyntaxError as e:
    print(e.msg)
try:
    compile("nonlocal z\n", "<s>", "exec")
except SyntaxError as e:
    print(e.msg)
