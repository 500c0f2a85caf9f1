x = 5
print(f"{x:{'>'}{x}}", f"{'{'}", f"{'}'}", f"{{{x}}}", f"{x!r:^5}", f"{[1, 2][x - 4]}", f"{'a' if x else 'b'}")
print(f"{x:=^10}", f"{-x:=10}", f"{3.5:=+8.2f}", f"{'%'}", f"{x:#x}{x:#o}")
nested = "{inner}"
print(f"{nested}", f"{nested!r}", f"{dict(a=1)['a']}", f"{(lambda: 'lam')()}")
print(f"{x:{'' if x else '>'}10}|")
