def boom():
    raise RuntimeError("should not run")
print(1 if True else boom())
print(boom() if False else 2)
print(True or boom(), False and boom())
