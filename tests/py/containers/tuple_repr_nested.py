print((), (1,), (1, 2), ((1,),), ([],), (None, "s", 1.5), tuple(range(3)))
