width = 10
prec = 3
val = 2.718281828
print(f"[{val:{width}.{prec}f}]")
print(f"[{'x':{'*'}^{width}}]")
print(f"[{12345:,}] [{1234567.891:,.2f}] [{255:#x}] [{255:#o}] [{5:#b}]")
print(f"[{-3:+}] [{3:+}] [{3: }] [{1e20:_.0f}]")
fmt = ">8"
print(f"[{'r':{fmt}}]")
