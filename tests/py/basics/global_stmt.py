count = 0
def inc():
    global count
    count += 1
for _ in range(3):
    inc()
print(count)
def make():
    global newvar
    newvar = "created"
make()
print(newvar)
