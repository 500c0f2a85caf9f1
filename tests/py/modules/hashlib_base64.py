import base64, hashlib, binascii
print(base64.b64encode(b"hello world"), base64.b64decode(b"aGVsbG8="), base64.urlsafe_b64encode(b"\xfb\xff"), base64.b16encode(b"\x01\xab"))
print(hashlib.md5(b"abc").hexdigest(), hashlib.sha256(b"abc").hexdigest()[:16], hashlib.sha1(b"").hexdigest())
print(binascii.hexlify(b"\x00\xff"), binascii.crc32(b"hello"))
