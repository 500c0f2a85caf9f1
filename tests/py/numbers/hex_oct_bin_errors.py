for f in (hex, oct, bin):
    try:
        f(1.5)
    except TypeError as e:
        print(e)
