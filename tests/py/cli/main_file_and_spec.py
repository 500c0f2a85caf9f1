import sys
print(__file__, __name__, __spec__, __package__, sys.argv[0])
print(__builtins__.__name__ if hasattr(__builtins__, "__name__") else type(__builtins__).__name__)
