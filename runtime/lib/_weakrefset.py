"""_weakrefset -- WeakSet (Weft).

CPython keeps WeakSet here so that modules imported before weakref (abc,
_py_abc) can use it.  Weft's WeakSet lives in weakref.py; this module
re-exports it, with the _IterationGuard helper CPython's code imports.
Thread-safety: no state of its own.
"""

from weakref import WeakSet

__all__ = ['WeakSet']


class _IterationGuard:
    """Context manager kept for compatibility: weft's weak containers
    iterate over snapshots, so nothing needs guarding."""

    def __init__(self, weakcontainer):
        self.weakcontainer = weakcontainer

    def __enter__(self):
        return self

    def __exit__(self, e, t, b):
        return False
