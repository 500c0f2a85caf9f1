for i in range(3):
    pass
else:
    print("done", i)
for i in range(10):
    if i == 4:
        break
else:
    print("no")
print("broke at", i)
for c in "":
    print("never")
else:
    print("empty else")
