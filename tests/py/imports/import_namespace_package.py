import sys
sys.path.insert(0, "nspkg_dir")
import nsp.mod
print(nsp.mod.VALUE, nsp.__file__ if getattr(nsp, "__file__", None) else "no __file__")
