def f():
    try:
        try:
            print("inner try")
            raise KeyError("x")
        finally:
            print("inner finally")
    except KeyError:
        print("outer except")
    finally:
        print("outer finally")
    print("end")
f()
