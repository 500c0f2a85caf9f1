# Cycles through closures, class objects and bound methods are collected.
import gc

gc.disable()
log = []


class Tracker:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


def make_recursive():
    t = Tracker("closure")

    def f(n):
        return t if n == 0 else f(n - 1)
    return f


f = make_recursive()
print(f(3).name)
del f
gc.collect()
print(log)


def make_class():
    class Local:
        registry = []

        def __init__(self):
            self.tracker = Tracker("class")
            Local.registry.append(self)
    Local()
    return None


make_class()
gc.collect()
print(sorted(log))


class Holder:
    def __init__(self):
        self.t = Tracker("method")
        self.callback = self.run

    def run(self):
        return 1


h = Holder()
del h
gc.collect()
print(sorted(log))
