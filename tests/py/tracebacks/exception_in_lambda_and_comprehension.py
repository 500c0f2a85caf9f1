items = [1, 2, 0, 4]
inverted = [(lambda v: 10 // v)(i) for i in items]
