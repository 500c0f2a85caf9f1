print(ord("a"), ord("é"), ord("€"), ord("😀"), chr(65), chr(0x20ac), chr(128512), repr(chr(0)))
try:
    ord("ab")
except TypeError as e:
    print(e)
try:
    chr(0x110000)
except ValueError as e:
    print(e)
try:
    chr(-1)
except ValueError as e:
    print(e)
