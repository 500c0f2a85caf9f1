import sys
print(sys.version_info[:2] >= (3, 8), sys.version_info.major, type(sys.version).__name__, sys.maxsize == 2 ** 63 - 1)
print(sys.argv[0].endswith("sys_basics.py"), len(sys.argv), sys.byteorder, type(sys.path).__name__)
print("sys" in sys.modules, sys.modules["sys"] is sys, sys.platform.startswith("linux"), sys.float_info.max)
print(sys.getrecursionlimit() > 100, callable(sys.exit), sys.implementation.name != "", sys.maxunicode)
print(sys.int_info.bits_per_digit in (15, 30), sys.float_info.epsilon, sys.float_info.dig, sys.hash_info.modulus)
