import warnings
def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return 1
warnings.simplefilter("always")
old_api()
warnings.warn("plain user warning")
import sys
sys.stdout.flush()
print("after warnings")
