import sys
n = sys.stdout.write("abc\n")
print(n)
sys.stdout.write("no newline")
sys.stdout.write("\n")
print(sys.stdout.isatty() if hasattr(sys.stdout, "isatty") else False, sys.stdin.isatty() if sys.stdin else None)
