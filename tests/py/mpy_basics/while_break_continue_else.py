i = 0
out = []
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    if i == 8:
        break
    out.append(i)
else:
    out.append("else")
print(out)
