print(b"%s and %b" % (b"x", b"y"), b"%5d|%-3x|" % (42, 10), b"%c" % 65, b"%c" % b"z", b"%r" % "e")
try:
    b"%s" % "str"
except TypeError as e:
    print(e)
