class Meters(float):
    def __str__(self):
        return f"{float(self)} m"
m = Meters(2.5)
print(m, m * 2, type(m * 2).__name__, repr(m))
