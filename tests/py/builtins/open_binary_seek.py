import os
path = "tmp_open_binary_seek.bin"
with open(path, "wb") as f:
    f.write(bytes(range(10)))
with open(path, "rb") as f:
    f.seek(3)
    print(f.read(2), f.tell())
    f.seek(-2, 2)
    print(f.read())
with open(path, "r+b") as f:
    f.write(b"\xff")
with open(path, "rb") as f:
    print(f.read(3))
os.remove(path)
