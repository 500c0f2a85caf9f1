def f():
    try:
        pass
    except ValueError:
        print("no")
    else:
        raise KeyError("from else")
try:
    f()
except KeyError as e:
    print("got", e)
