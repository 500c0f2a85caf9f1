s = {3, 1, 2}
s.add(4); s.add(1); print(s)
s.discard(10); s.discard(4); print(s)
s.remove(3); print(s)
print(s.pop() in (1, 2), len(s))
s = {1, 2, 3}
print(s | {4}, s & {2, 3, 9}, s - {1}, s ^ {3, 4}, s.union([5], (6,)), s.intersection(range(3)), s.difference({2}), s.symmetric_difference([1, 7]))
print(s <= {1, 2, 3, 4}, s < s, s >= {1}, s.issubset(range(10)), s.issuperset([1, 2]), s.isdisjoint({7}))
s.update([10, 11]); s.intersection_update(range(11)); print(s)
s.difference_update({1}); s.symmetric_difference_update({2, 99}); print(s)
c = s.copy(); c.clear(); print(s, c)
