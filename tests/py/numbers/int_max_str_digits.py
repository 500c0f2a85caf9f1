import sys
x = 10 ** 5000
try:
    s = str(x)
except ValueError as e:
    print("ValueError", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError", e)
print(len(hex(x)), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(10000)
print(len(str(x)), int("7" * 5000) % 1000)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError", e)
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
