out = ""
for i in range(5):
    out += str(i) * i
print(out)
parts = []
for w in "the quick brown fox".split():
    parts.append(w[::-1].capitalize())
print(" ".join(parts))
