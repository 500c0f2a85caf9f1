class Big:
    def __hash__(self): return 2 ** 100
print(hash(Big()) == hash(2 ** 100))
class BadHash:
    def __hash__(self): return "no"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
