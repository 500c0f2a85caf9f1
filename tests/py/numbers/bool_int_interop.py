d = {1: "one", True: "true?", 0: "zero"}
print(d, len(d), d[True], d[False])
print(True + True * True, [10, 20][True], "ab"[False], True ** 10, -True // 2, divmod(True, True))
print(sum([True] * 10), True & 3, True | 2, isinstance(False, int), int.__add__(True, 1), bool.__and__(True, True))
