try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(e)
try:
    str.maketrans({"ab": 1})
except ValueError as e:
    print(e)
print(str.maketrans("a", "b"), str.maketrans("", "", "xy"))
