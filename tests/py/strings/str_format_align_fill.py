for spec in ("<10", ">10", "^10", "*^10", "-<4", ".3", "10.2", "^", "0>5"):
    print(repr(format("abcde", spec)))
try:
    format("abc", "=10")
except ValueError as e:
    print(e)
try:
    format("abc", "+")
except ValueError as e:
    print(e)
