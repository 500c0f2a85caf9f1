try:
    import does_not_exist_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from pkg import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import pkg.nosuchmodule
except ModuleNotFoundError as e:
    print(e)
try:
    from math import nope
except ImportError as e:
    print(str(e).split(" (")[0], e.name)
