for cls in (ZeroDivisionError, KeyError, IndexError, FileNotFoundError, UnicodeDecodeError, RecursionError, ModuleNotFoundError, StopIteration, KeyboardInterrupt, BrokenPipeError, NotImplementedError, TimeoutError, IndentationError, TabError, OverflowError, UnboundLocalError):
    print(cls.__name__, [c.__name__ for c in cls.__mro__[1:]])
