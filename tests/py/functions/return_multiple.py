def stats(l):
    return min(l), max(l), sum(l) / len(l)
lo, hi, avg = stats([3, 1, 4, 1, 5])
print(lo, hi, avg)
def nothing():
    return
print(nothing(), stats([2]))
