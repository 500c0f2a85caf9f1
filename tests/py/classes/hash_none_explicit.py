class A:
    __hash__ = None
try:
    hash(A())
except TypeError as e:
    print(e)
try:
    {A()}
except TypeError as e:
    print(e)
from collections.abc import Hashable
print(isinstance(A(), Hashable), isinstance(object(), Hashable))
