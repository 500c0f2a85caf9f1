f = 1
for i in range(1, 61):
    f *= i
print(f)
print(len(str(f)), f % 1000003, f // (10 ** 70))
