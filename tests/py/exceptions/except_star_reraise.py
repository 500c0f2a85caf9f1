try:
    try:
        raise ExceptionGroup("g", [ValueError("a"), KeyError("b")])
    except* ValueError:
        print("handled values")
        raise
except ExceptionGroup as eg:
    print(sorted(type(e).__name__ for e in eg.exceptions))
