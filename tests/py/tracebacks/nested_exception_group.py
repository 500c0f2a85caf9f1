raise ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [KeyError("k"), OSError(5, "io")])])
