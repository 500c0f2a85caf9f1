import bisect
l = [1, 3, 3, 5, 7]
print(bisect.bisect_left(l, 3), bisect.bisect_right(l, 3), bisect.bisect(l, 4), bisect.bisect_left(l, 0), bisect.bisect_right(l, 10))
bisect.insort(l, 4); bisect.insort_left(l, 3)
print(l)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
print(bisect.bisect_left([(1, "a"), (3, "c")], (2,)), bisect.bisect([1, 2, 3], 2, lo=2))
