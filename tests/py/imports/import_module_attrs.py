import _helper
print(_helper.__file__.endswith("_helper.py"), type(_helper).__name__, hasattr(_helper, "__spec__"), _helper.__spec__.name)
import pkg
print(pkg.__path__[0].endswith("pkg"), pkg.__file__.endswith("__init__.py"))
