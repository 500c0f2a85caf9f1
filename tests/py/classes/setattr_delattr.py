class Guard:
    def __setattr__(self, name, v):
        print("set", name, v)
        super().__setattr__(name, v)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
g = Guard()
g.x = 1
setattr(g, "y", 2)
del g.x
print(vars(g))
try:
    del g.zz
except AttributeError as e:
    print(e)
