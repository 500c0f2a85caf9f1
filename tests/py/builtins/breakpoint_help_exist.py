print(callable(breakpoint), callable(help), callable(exit) if "exit" in dir(__builtins__) else True)
