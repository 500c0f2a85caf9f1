from collections import deque
d = deque(range(5), maxlen=5)
d.append(5)
print(d, d.maxlen)
d.appendleft(-1)
print(d)
d.rotate(2)
print(d)
d.rotate(-1)
print(d, d[0], d[-1], len(d), 3 in d, d.count(3), d.index(3))
d.extendleft([10, 20])
print(d)
d2 = deque()
try:
    d2.pop()
except IndexError as e:
    print(e)
print(deque("abc"), list(reversed(deque([1, 2, 3]))), deque([1, 2]) == deque([1, 2]))
