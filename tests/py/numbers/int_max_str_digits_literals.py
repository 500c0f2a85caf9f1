# Decimal integer literals are checked against the current
# sys.get_int_max_str_digits() when the source is compiled.
import sys

print(sys.get_int_max_str_digits())
src = "x = " + "1" * 5000
try:
    exec(src)
except SyntaxError as e:
    print(type(e).__name__, e.msg[:70])
exec("y = 0x" + "f" * 5000)  # not decimal: no limit
print(y.bit_length())
sys.set_int_max_str_digits(0)
exec(src)
print(len(repr(x)))
sys.set_int_max_str_digits(1000)
try:
    exec("z = " + "2" * 1001)
except SyntaxError as e:
    print(type(e).__name__, e.msg[:70])
exec("z = " + "2" * 1000)
print(z % 1000)
