import argparse
p = argparse.ArgumentParser(prog="tool")
p.add_argument("files", nargs="*")
p.add_argument("-v", "--verbose", action="store_true")
p.add_argument("-n", type=int, default=3)
a = p.parse_args(["-v", "-n", "7", "x.txt", "y.txt"])
print(a.files, a.verbose, a.n)
print(p.parse_args([]))
