class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int)
    def __subclasscheck__(cls, sub):
        return sub is bool
class Intish(metaclass=Meta): pass
print(isinstance(5, Intish), isinstance("x", Intish), issubclass(bool, Intish), issubclass(int, Intish))
print(isinstance(5, (str, (list, int))), issubclass(bool, (str, int)))
try:
    isinstance(5, 5)
except TypeError as e:
    print(e)
try:
    issubclass(5, int)
except TypeError as e:
    print(e)
