for i in range(4):
    try:
        if i == 1:
            continue
        if i == 2:
            raise ValueError(i)
        print("body", i)
    except ValueError as e:
        print("caught", e)
    finally:
        print("finally", i)
