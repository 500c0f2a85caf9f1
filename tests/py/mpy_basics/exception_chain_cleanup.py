try:
    try:
        raise ValueError
    except ValueError:
        pass
    print("after inner")
except Exception:
    print("never")
import sys
print(sys.exc_info()[0])
