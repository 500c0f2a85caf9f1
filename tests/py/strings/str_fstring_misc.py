x = 10
print(f"{x!r:>5}", f"{x:{'>'}{5}}", f"{x:#06x}", f"{'a' 'b'}", f"""{
    x + 1
}""")
print(f"{x}" f"{x}" "plain", F"{x}", rf"\n{x}", fr"{x}\t")
d = {"k": "v"}
print(f"{d['k']!r}", f"{3.0:.0%}", f"{1e6:,.0f}", f"{-0.0:+}")
