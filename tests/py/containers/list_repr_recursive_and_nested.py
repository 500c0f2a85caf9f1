a = [1]
a.append(a)
b = [a, a]
print(a, b, repr([[], [[]]]))
d = {}
d[1] = [d]
print(d)
t = ([],)
t[0].append(t)
print(t)
s = set()
print(repr(s), repr(frozenset()), repr({()}))
