def f():
    data = [1, 2, 3]
    total = [t := t + x if "t" in dir() else (t := x) for x in data] if False else None
    s = 0
    res = [(s := s + x) for x in data]
    return res, s
print(f())
try:
    exec("[i := 0 for i in range(3)]")
except SyntaxError as e:
    print("SyntaxError", e.msg)
class C:
    try:
        exec("[(y := 1) for _ in range(1)]")
    except SyntaxError as e:
        msg = e.msg
print(getattr(C, "msg", "no error"))
