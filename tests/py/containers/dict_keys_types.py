d = {1: "int", 1.0: "float", True: "bool", (1, 2): "tuple", None: "none", "1": "str", frozenset([1]): "fs"}
print(d)
print(d[1], d[(1, 2)], d[None], len(d))
