l = [1]
l *= 3
print(l)
l *= 0
print(l)
l += "ab"
print(l)
l += range(2)
print(l)
