m = __import__("pkg.sub.leaf", fromlist=["describe"])
print(m.__name__, m.describe()[:5])
m2 = __import__("pkg.sub")
print(m2.__name__)
