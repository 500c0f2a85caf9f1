for i in range(3):
    pass
print(i)
for i in []:
    pass
print(i)
[j for j in range(5)]
print("j" in globals())
