import _helper
print(_helper.add(2, 3), _helper.CONST, _helper.__name__, _helper.__doc__)
from _helper import add as plus, CONST
print(plus(1, 1), CONST)
import _helper as h2
print(h2 is _helper)
