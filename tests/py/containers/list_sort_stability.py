import random
random.seed(3)
recs = [(random.randint(0, 5), i) for i in range(40)]
s = sorted(recs, key=lambda r: r[0])
print(all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]))
print(s[:10])
print(sorted(recs, key=lambda r: r[0], reverse=True)[:10])
