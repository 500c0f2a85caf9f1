"""Functions to convert between Python values and C structs (weft).

The implementation is the C module _struct (runtime/modules/_struct.c).
"""

__all__ = [
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack', 'Struct', 'error'
]

from _struct import (calcsize, pack, pack_into, unpack, unpack_from,
                     iter_unpack, Struct, error)
from _struct import _clearcache
