import sys
assert isinstance(sys.argv, list)
assert sys.argv[0].endswith(".py")
assert isinstance(sys.path, list)
assert sys.modules[__name__].__name__ == "__main__"
assert sys.maxsize == 2 ** 63 - 1
assert sys.version_info >= (3, 11)
assert sys.version_info[0] == 3 and sys.version_info.major == 3
assert callable(sys.exit) and callable(sys.getrecursionlimit)
assert sys.stdout.write("") == 0
assert sys.byteorder in ("little", "big")
print("sys ok")
