def fail():
    raise ExceptionGroup("several failures", [ValueError("first"), TypeError("second")])
fail()
