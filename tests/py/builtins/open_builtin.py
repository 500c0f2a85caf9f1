import os
path = "tmp_open_builtin.txt"
with open(path, "w") as f:
    print(f.write("line one\nline two\n"), f.closed, f.mode, f.name)
print(f.closed)
with open(path) as f:
    print(f.read())
with open(path) as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(path) as f:
    print([l.rstrip() for l in f])
with open(path, "a") as f:
    f.write("appended\n")
with open(path, "rb") as f:
    data = f.read()
    print(data, type(data).__name__)
os.remove(path)
try:
    open(path)
except FileNotFoundError as e:
    print(e)
