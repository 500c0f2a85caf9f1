b = b"abc"
print([x for x in b], b < b"abd", b == bytearray(b"abc"), b"a" in b, sorted(b"cba"), max(b), bytes(reversed(b)))
print(b"abc" == "abc", hash(b"abc") == hash(b"abc"))
