import os
p = "tmp_io_file_modes.txt"
with open(p, "w", encoding="utf-8") as f:
    f.write("αβγ\nline2\r\nline3")
with open(p, "rb") as f:
    raw = f.read()
print(raw, len(raw))
with open(p, encoding="utf-8") as f:
    print(repr(f.read()))
with open(p, encoding="utf-8", newline="") as f:
    print(f.readlines())
f = open(p)
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
try:
    open(p, "rz")
except ValueError as e:
    print(e)
with open(p, "x" if not os.path.exists(p + ".new") else "w") if False else open(p + ".new", "w") as g:
    print(g.writable(), g.readable(), g.seekable())
try:
    open(p + ".new", "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno)
os.remove(p)
os.remove(p + ".new")
