"""A test package for tests/py/imports."""
print("pkg/__init__ running, __name__ =", __name__)
from .core import greet
VERSION = "1.0"
__all__ = ["greet", "VERSION"]
