# The int<->str digit limit on every conversion path CPython 3.11 guards,
# and the ones it leaves alone (power-of-two bases, int subclasses).
import sys

def show(label, f):
    try:
        r = f()
        print(label, "ok", r if len(str(r)) < 40 else len(str(r)))
    except ValueError as e:
        print(label, "ValueError:", e)

big = 10 ** 4400
print("default", sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
# int -> decimal text
show("str", lambda: str(big))
show("repr", lambda: repr(-big))
show("f-string", lambda: f"{big}")
show("f-string spec", lambda: f"{big:,}")
show("format", lambda: format(big, "d"))
show("str.format", lambda: "{:>10}".format(big))
show("percent-d", lambda: "%d" % big)
show("percent-s", lambda: "%s" % big)
show("just under", lambda: len(str(10 ** 4299)))
# power-of-two bases are not limited
show("hex", lambda: len(hex(big)))
show("bin", lambda: len(format(big, "b")))
show("percent-x", lambda: len("%x" % big))
# text -> int
show("int str", lambda: int("4" * 4301))
show("int bytes", lambda: int(b"4" * 4301))
show("int bytearray", lambda: int(bytearray(b"4" * 4301)))
show("int signed+ws", lambda: int("  -" + "4" * 4301 + "\n"))
show("leading zeros count", lambda: int("0" * 4301))
show("underscores don't count", lambda: len(str(int("1_" * 4000 + "1"))))
show("unicode digits", lambda: int("\u0663" * 4301))
show("base 36", lambda: int("z" * 4301, 36))
show("base 0 decimal", lambda: int("9" * 4301, 0))
show("base 0 hex", lambda: int("0x" + "f" * 5000, 0) > 0)
show("base 16", lambda: int("f" * 5000, 16) > 0)
show("base 8", lambda: int("7" * 5000, 8) > 0)
show("limit before syntax", lambda: int("4" * 4301 + "x"))
show("syntax first", lambda: int("4" * 4301 + "__4"))
class MyInt(int):
    pass
show("int subclass", lambda: int(MyInt(big)) == big)
# changing the limit
sys.set_int_max_str_digits(maxdigits=5000)
print("raised", sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
show("str", lambda: len(str(big)))
show("int", lambda: int("4" * 4999) % 1000)
show("int 5001", lambda: int("4" * 5001))
sys.set_int_max_str_digits(641)
show("str 642", lambda: str(10 ** 641))
show("str 641", lambda: len(str(10 ** 640)))
sys.set_int_max_str_digits(0)
show("unlimited", lambda: len(str(10 ** 9000)))
for bad in (639, -1, 1.5, "1000", 2 ** 100):
    try:
        sys.set_int_max_str_digits(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(bad)[:10], type(e).__name__, e)
for call in (lambda: sys.set_int_max_str_digits(), lambda: sys.set_int_max_str_digits(1000, 2000),
             lambda: sys.set_int_max_str_digits(limit=1000)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits,
      sys.int_info.str_digits_check_threshold)
