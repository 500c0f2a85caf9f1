import enum
class Status(enum.Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    def describe(self):
        return f"{self.name.lower()}:{self.value}"
    @classmethod
    def parse(cls, s):
        return cls(s.lower())
print(Status.parse("ACTIVE"), Status.ACTIVE.describe(), Status("inactive") is Status.INACTIVE, Status.__members__.keys())
print({s: s.value for s in Status}, hash(Status.ACTIVE) == hash(Status.ACTIVE), Status.ACTIVE in Status)
class Weekday(enum.IntFlag):
    MON = 1
    TUE = 2
    WED = 4
print(Weekday.MON | Weekday.WED, int(Weekday.MON | Weekday.TUE), Weekday(6), list(Weekday))
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass, self.radius = mass, radius
print(Planet.EARTH.mass, Planet.EARTH.value)
try:
    Status.ACTIVE = 5
except AttributeError as e:
    print(e)
