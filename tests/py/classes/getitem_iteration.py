class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq(), list(enumerate(Seq())))
for x in Seq():
    print(x, end=" ")
print()
