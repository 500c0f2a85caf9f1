l = [1, 2]
l.extend(l)
print(l)
l.extend(iter([9]))
l.extend({7: 0})
print(l)
