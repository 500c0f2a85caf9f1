class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        if spec == "usd": return f"${self.v:.2f}"
        return format(self.v, spec)
m = Money(3.5)
print(f"{m:usd}", f"{m:>8.1f}", format(m, "usd"), "{:usd}".format(m))
class NoFmt: pass
try:
    format(NoFmt(), "x")
except TypeError as e:
    print(e)
print(format(NoFmt(), "") == str(NoFmt()) or "same")
