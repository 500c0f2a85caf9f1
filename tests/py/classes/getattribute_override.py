class Log:
    def __init__(self): self.a = 1
    def __getattribute__(self, name):
        if name != "__dict__":
            print("get", name)
        return super().__getattribute__(name)
l = Log()
print(l.a)
class Weird:
    def __getattribute__(self, name):
        raise AttributeError(name)
    def __getattr__(self, name):
        return "fallback " + name
print(Weird().anything)
