import operator
class H:
    def __length_hint__(self): return 7
class L:
    def __len__(self): return 3
    def __length_hint__(self): return 99
print(operator.length_hint(H()), operator.length_hint(L()), operator.length_hint(object(), 5), operator.length_hint(iter([1, 2, 3])))
class Bad:
    def __length_hint__(self): return -1
try:
    operator.length_hint(Bad())
except ValueError as e:
    print(e)
