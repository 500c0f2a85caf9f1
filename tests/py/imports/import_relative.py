from pkg.sub.leaf import describe
print(describe())
import pkg.sub
print(pkg.sub.PARENT_VERSION, "pkg.sub.leaf" in __import__("sys").modules)
