import pkg
print(pkg.VERSION, pkg.greet("world"), pkg.__name__, pkg.__package__)
import pkg.core
print(pkg.core is __import__("sys").modules["pkg.core"], pkg.core._private)
