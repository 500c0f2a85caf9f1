def src():
    for i in range(3):
        print("produce", i)
        yield i
def double(it):
    for x in it:
        print("double", x)
        yield x * 2
for v in double(src()):
    print("consume", v)
