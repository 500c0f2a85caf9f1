try:
    try:
        raise ValueError("first")
    finally:
        raise TypeError("from finally")
except TypeError as e:
    print(e, repr(e.__context__))
