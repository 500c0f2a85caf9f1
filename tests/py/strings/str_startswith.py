s = "hello.py"
print(s.startswith("he"), s.startswith(("x", "hel")), s.endswith(".py"), s.endswith((".c", ".h")))
print(s.startswith("llo", 2), s.endswith("hello", 0, 5), s.startswith(""), "".endswith(""))
try:
    s.startswith(["he"])
except TypeError as e:
    print(e)
