d = {}
for i in range(50):
    d[i] = i
for i in range(0, 50, 3):
    del d[i]
for i in range(100, 110):
    d[i] = i
print(list(d)[:10], list(d)[-5:], len(d))
d2 = dict.fromkeys(range(5))
d2.pop(2)
d2[2] = "back"
print(d2)
