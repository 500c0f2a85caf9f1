print(len("abc"), len([1, 2]), len({}), len(range(10)), len(b"xy"), len({1, 2, 3}), len((1,)), len("é😀"))
class L:
    def __len__(self): return 7
print(len(L()))
class Big:
    def __len__(self): return 2 ** 70
try:
    len(Big())
except OverflowError as e:
    print(e)
class NotInt:
    def __len__(self): return "x"
try:
    len(NotInt())
except TypeError as e:
    print(e)
