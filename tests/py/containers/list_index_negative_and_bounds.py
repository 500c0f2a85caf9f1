l = ["a", "b", "c"]
print(l[-1], l[-3], l.index("c", -1), l[-4:], l[:10])
try:
    l[-4]
except IndexError as e:
    print(e)
try:
    l[-4] = 1
except IndexError as e:
    print(e)
