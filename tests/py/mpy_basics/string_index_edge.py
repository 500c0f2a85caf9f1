s = "abcdef"
for i in range(-7, 7):
    try:
        print(i, s[i])
    except IndexError as e:
        print(i, e)
