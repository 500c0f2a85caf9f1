try:
    try:
        raise ExceptionGroup("eg", [ValueError("v")])
    except* ValueError:
        raise KeyError("raised in handler")
except Exception as e:
    print(repr(e), repr(e.__context__))
