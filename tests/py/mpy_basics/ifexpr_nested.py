for x in range(-2, 3):
    print(x, "neg" if x < 0 else "zero" if x == 0 else "pos", (x if x else "Z") if x != 1 else "one")
