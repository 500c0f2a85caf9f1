a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
a |= {9}; print(a)
a &= {1, 9, 3}; print(a)
a -= {1}; print(a)
a ^= {3, 7}; print(a)
