globals()["dynamic_name"] = "created via globals"
print(dynamic_name)
def f():
    globals()["from_f"] = 1
f()
print(from_f)
