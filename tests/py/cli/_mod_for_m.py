import sys
print("module run by -m as", __name__)
print([a if i else a.endswith("_mod_for_m.py") for i, a in enumerate(sys.argv)])
