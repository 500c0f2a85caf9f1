data = {"name": "Ann", "scores": [90, 85]}
print("{0[name]} scored {0[scores][0]} and {0[scores][1]}".format(data))
print("{:{w}.{p}f}|{:>{w}}".format(3.14159, "x", w=8, p=2))
print("{0:{1}}".format("centre", "^10") + "|", "{a.real:{b}}".format(a=5, b="+"))
class O:
    attr = {"k": ["v0", "v1"]}
print("{0.attr[k][1]}".format(O()))
try:
    "{0[}".format([1])
except ValueError as e:
    print(e)
try:
    "{0.}".format(1)
except ValueError as e:
    print(e)
