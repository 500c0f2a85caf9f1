import sys
print("to stdout", file=sys.stdout, flush=True)
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
print("a", "b", sep="", end="")
print()
print(file=None)
