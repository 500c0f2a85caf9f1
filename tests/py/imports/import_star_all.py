from pkg import *
print(greet("star"), VERSION)
print("core" in dir())
