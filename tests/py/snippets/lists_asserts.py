x = [1, 2, 3]
assert x[-1] == 3
assert x[1:] == [2, 3]
x.extend([4, 5])
assert len(x) == 5
assert x.pop() == 5
assert x.index(2) == 1
x.reverse()
assert x == [4, 3, 2, 1]
assert sorted(x) == [1, 2, 3, 4]
assert [1] * 3 == [1, 1, 1]
assert [[]] * 2 == [[], []]
assert list(reversed([1, 2])) == [2, 1]
y = x
y += [0]
assert x is y and x[-1] == 0
assert [1, 2] < [1, 3] and not [1, 2] > [1, 2]
print("lists ok")
