class Color:
    RED, GREEN, BLUE = range(3)
    @classmethod
    def names(cls):
        return [k for k in vars(cls) if k.isupper()]
print(Color.GREEN, Color.names())
