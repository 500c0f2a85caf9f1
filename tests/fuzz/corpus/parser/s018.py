from ..pkg.sub import (a, b as c,)
