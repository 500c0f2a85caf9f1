class Temperature:
    def __init__(self):
        self._k = None
    @property
    def celsius(self):
        return self._k - 273.15
t = Temperature()
print(t.celsius)
