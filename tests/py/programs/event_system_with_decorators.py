class EventBus:
    def __init__(self):
        self.handlers = {}
    def on(self, name):
        def register(fn):
            self.handlers.setdefault(name, []).append(fn)
            return fn
        return register
    def emit(self, name, *args, **kw):
        return [h(*args, **kw) for h in self.handlers.get(name, [])]
bus = EventBus()
@bus.on("greet")
def hello(who, **kw):
    return f"hello {who}"
@bus.on("greet")
def shout(who, loud=False):
    return f"HEY {who.upper()}" if loud else f"hey {who}"
@bus.on("sum")
def total(*nums):
    return sum(nums)
print(bus.emit("greet", "ann"), bus.emit("greet", "bob", loud=True), bus.emit("sum", 1, 2, 3), bus.emit("none"))
