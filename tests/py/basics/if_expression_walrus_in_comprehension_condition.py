values = [3, 10, 7, 22, 1]
big = [v for v in values if (half := v // 2) > 2]
print(big, half)
