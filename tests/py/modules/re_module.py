import re
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"(\w)(\d)", r"\2\1", "a1 b2"), re.split(r"[,;]\s*", "a, b;c"))
m = re.match(r"(?P<key>\w+)=(?P<val>\w+)", "name=weft rest")
print(m.group(0), m.group(1), m.group("val"), m.groups(), m.groupdict(), m.span(), m.start(2), m.end())
print(re.search(r"o+", "foo boo").group(), re.fullmatch(r"\w+", "abc") is not None, re.match("x", "abc"))
p = re.compile(r"(\d{3})-(\d{4})", re.I)
print(p.findall("555-1234 and 666-9999"), [m.group(2) for m in p.finditer("111-2222")], p.pattern)
print(re.sub(r"\s+", " ", "a   b \t c"), re.subn("a", "b", "aaa"), re.escape("a.b*c"), re.sub("x", lambda m: "Y", "axbx"))
