import os
base = "tmp_os_module_dir"
def _clean(p):  # leftovers of an interrupted earlier run
    if os.path.isdir(p):
        for r, ds, fs in os.walk(p, topdown=False):
            for f in fs:
                os.remove(os.path.join(r, f))
            for d in ds:
                os.rmdir(os.path.join(r, d))
        os.rmdir(p)
_clean(base)
os.mkdir(base)
os.makedirs(os.path.join(base, "sub", "deeper"))
with open(os.path.join(base, "f1.txt"), "w") as f:
    f.write("hello")
print(sorted(os.listdir(base)), os.path.isdir(base), os.path.isfile(os.path.join(base, "f1.txt")), os.path.exists(os.path.join(base, "nope")))
print(os.path.getsize(os.path.join(base, "f1.txt")), os.stat(os.path.join(base, "f1.txt")).st_size)
os.rename(os.path.join(base, "f1.txt"), os.path.join(base, "f2.txt"))
print(sorted(os.listdir(base)))
walked = [(os.path.relpath(r, base), sorted(d), sorted(f)) for r, d, f in os.walk(base)]
print(sorted(walked))
os.remove(os.path.join(base, "f2.txt"))
os.rmdir(os.path.join(base, "sub", "deeper"))
os.rmdir(os.path.join(base, "sub"))
os.rmdir(base)
print(os.path.exists(base))
try:
    os.rmdir(base)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
