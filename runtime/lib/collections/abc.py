"""collections.abc -- abstract base classes for containers (Weft).

Everything lives in _collections_abc (importable without the collections
package); this module re-exports it.
"""

from _collections_abc import *
from _collections_abc import __all__
from _collections_abc import _check_methods
