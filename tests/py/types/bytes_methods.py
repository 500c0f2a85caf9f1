b = b"  Mixed Case\tdata  "
print(b.strip(), b.lstrip(), b.rstrip(), b.lower(), b.swapcase(), b.expandtabs(4))
print(b"a,b,c".split(b","), b"a,b,c".rsplit(b",", 1), b"k=v".partition(b"="), b"x".join([b"1", b"2"]))
print(b"abc".center(7, b"*"), b"abc".ljust(5), b"12".zfill(4), b"abc".isalpha(), b"123".isdigit(), b"a b".isspace())
print(b"hello".index(b"l"), b"hello".rfind(b"l"), b"hello".endswith((b"lo", b"x")), b"abc".removeprefix(b"a"))
print(b"ab\ncd\r\nef".splitlines(), b"hello".translate(bytes.maketrans(b"el", b"ip")), b"abc".decode())
print(b"caf\xc3\xa9".decode(), b"%d-%s" % (5, b"x"), b"%x" % 255, 65 in b"ABC", b"BC" in b"ABC")
