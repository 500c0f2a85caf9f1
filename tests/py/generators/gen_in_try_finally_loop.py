def g():
    for i in range(3):
        try:
            yield i
        finally:
            print("finally", i)
for x in g():
    print("got", x)
    if x == 1:
        break
print("after loop")
