tests = [lambda: [][0], lambda: ()[0], lambda: ""[0], lambda: range(0)[0], lambda: b""[0], lambda: bytearray()[0], lambda: [1].pop(5), lambda: "ab"[-3], lambda: [1, 2][2]]
for t in tests:
    try:
        t()
    except IndexError as e:
        print(e)
