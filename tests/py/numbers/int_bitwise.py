for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (2 ** 70, 2 ** 70 - 1), (-(2 ** 70), 255)]:
    print(a & b, a | b, a ^ b, ~a)
print(1 << 64, -1 << 3, 1024 >> 3, -1024 >> 3, -1 >> 100)
try:
    1 << -1
except ValueError as e:
    print(e)
try:
    1 >> -1
except ValueError as e:
    print(e)
