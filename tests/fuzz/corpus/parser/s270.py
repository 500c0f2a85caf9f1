x = [i for i in range(1000)][::-1][0]
