print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or [], [] and 1)
print(not 0, not 1, not "", not "a")
print(0 or "" or None)
x = 5
print(x > 1 and x < 10 or "no")
def t(v):
    print("t", v); return v
print(t(0) and t(1))
print(t(1) or t(2))
