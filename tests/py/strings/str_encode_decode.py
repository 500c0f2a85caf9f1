s = "héllo €"
b = s.encode()
print(b, len(b), b.decode(), s.encode("latin-1", "replace"), s.encode("ascii", "ignore"), s.encode("ascii", "backslashreplace"))
print(s.encode("utf-16-le")[:6], "abc".encode("ascii"), b"caf\xc3\xa9".decode("utf-8"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("latin-1"), b"\xe9".decode("ascii", "ignore"))
