names = ["a.py", "b.txt", "c.PY", "d.pyc", ".py"]
print([n for n in names if n.endswith((".py", ".PY"))], [n.startswith(("a", "b")) for n in names])
print("abc".endswith(("",)), "abc".startswith(()), "abc".endswith("c", -1), "abc".endswith("b", 0, -1))
