name = "world"
n = 42
pi = 3.14159265
print(f"hello {name}!")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {pi:g}")
print(f"{name!r} {name!s} {'é'!a}")
print(f"{n=} {pi=:.1f} {name = }")
print(f"{{braces}} {n}")
print(f"{'nested' + f'{n}'}")
