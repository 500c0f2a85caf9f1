data = [("b", 2), ("a", 2), ("c", 1), ("d", 3)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
l = [5, -3, 2, -8, 0]
l.sort(key=abs); print(l)
l.sort(reverse=True); print(l)
print(sorted("hello"), sorted([3.5, 1, 2]), sorted([[2, 1], [1, 2], [1]]))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len))
