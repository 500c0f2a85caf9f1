for i in range(4):
    print("even" if i % 2 == 0 else "odd", "a" if i == 0 else "b" if i == 1 else "c")
