def f():
    global undefined_global_xyz
    return undefined_global_xyz
try:
    f()
except NameError as e:
    print(e)
def g():
    global newly_defined
    newly_defined = 5
g()
print(newly_defined, "newly_defined" in globals())
