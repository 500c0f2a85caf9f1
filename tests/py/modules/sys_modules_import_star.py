from math import *
print(sqrt(9), floor(2.5), pi > 3)
from os.path import join as pjoin
print(pjoin("a", "b"))
import collections.abc
print(collections.abc.Mapping.__name__)
import importlib
m = importlib.import_module("json")
print(m.dumps([1]))
