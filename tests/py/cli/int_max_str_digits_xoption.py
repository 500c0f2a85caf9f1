import sys
print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits(), sys._xoptions)
print(len(str(10 ** 999)))
try:
    str(10 ** 1000)
except ValueError as e:
    print(e)
try:
    int("1" * 1001)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits(), len(str(10 ** 5000)))
