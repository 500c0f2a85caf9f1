from ..core import greet
from . import PARENT_VERSION
from .sibling import SIB
def describe():
    return f"leaf: {greet('leaf')} v{PARENT_VERSION} {SIB}"
