def gen():
    for i in range(3):
        try:
            yield i
        finally:
            print("finally", i)
g = gen()
for x in g:
    if x == 1:
        break
print("loop exited")
del g
print("generator deleted")
