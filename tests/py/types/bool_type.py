print(bool.__name__, bool(), bool([]), bool([0]), True.real, True.__class__.__name__)
try:
    class B(bool): pass
except TypeError as e:
    print(e)
print(int(True), str(False), True is bool(1), f"{True:d}", f"{True}", format(False, "^7"))
