if x:
    y = 2

    # c
z = 3
