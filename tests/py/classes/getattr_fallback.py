class Dyn:
    real = "real attr"
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.real, d.xyz, getattr(d, "xa"), hasattr(d, "q"), getattr(d, "q", "dflt"))
try:
    d.nope
except AttributeError as e:
    print(e)
