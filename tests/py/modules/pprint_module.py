import pprint
data = {"key%d" % i: list(range(i)) for i in range(6)}
pprint.pprint(data, width=40)
print(pprint.pformat([1, [2, [3, [4]]]], depth=2))
