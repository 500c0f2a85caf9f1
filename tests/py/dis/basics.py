x = 1 + 2 * 3
y = (1, 2, -3) + ("a",) * 2
if __debug__:
    print(x if x > 2 else y, end="")
for i in [1, 2, 3]:
    if i in {1, 2}:
        continue
    elif not i:
        break
else:
    z = a < b < c
del x
