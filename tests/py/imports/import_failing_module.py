try:
    import mypkg.broken
except ValueError as e:
    print("import raised", e)
import sys
print("mypkg.broken" in sys.modules)
