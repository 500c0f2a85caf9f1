l = list(range(8))
print(l[::-1], l[-1::-2], l[6:1:-2], l[:], l[:] is l, l[1:-1])
l[::-1] = l
print(l)
