l = [3, 1, 2]
r = l.sort()
print(r, l, l.reverse(), l, l.append(0), l.extend([]), l.clear(), l)
