class F:
    def __format__(self, spec):
        return "F:" + spec
print(format(F(), "abc"), format(F()), f"{F():xyz}", "{:q}".format(F()), "%s" % F() != "F:")
try:
    format(F(), 5)
except TypeError as e:
    print(e)
class Bad:
    def __format__(self, spec):
        return 5
try:
    format(Bad())
except TypeError as e:
    print(e)
