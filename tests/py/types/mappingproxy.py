class C:
    a = 1
mp = C.__dict__
print(type(mp).__name__, mp["a"], "a" in mp)
try:
    mp["b"] = 2
except TypeError as e:
    print(e)
import types
p = types.MappingProxyType({"k": 1})
print(p["k"], len(p), list(p), p.get("z", 0))
