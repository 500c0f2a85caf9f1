class Base:
    def __lt__(self, o):
        return "Base.__lt__"
    def __gt__(self, o):
        return "Base.__gt__"
class Derived(Base):
    def __gt__(self, o):
        return "Derived.__gt__"
    def __lt__(self, o):
        return "Derived.__lt__"
print(Base() < Derived())
print(Derived() < Base())
print(Base() < Base())
