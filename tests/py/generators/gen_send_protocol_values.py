def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    finally:
        print("received", received)
e = echo()
next(e)
for v in "abc":
    print(e.send(v))
e.close()
