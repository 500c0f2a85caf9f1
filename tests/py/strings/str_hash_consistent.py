a = "hello"
b = "hel" + "lo"
print(hash(a) == hash(b), hash("") == hash(""), {a: 1}[b])
