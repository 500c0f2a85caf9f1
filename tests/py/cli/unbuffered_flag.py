import sys
print("stdout first")
print("stderr second", file=sys.stderr)
print("stdout third")
