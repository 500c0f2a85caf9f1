try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    e
except NameError as ne:
    print(ne)
e = "kept?"
try:
    raise KeyError
except KeyError as e:
    pass
print("e" in dir())
