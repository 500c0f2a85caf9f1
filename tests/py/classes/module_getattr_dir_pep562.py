import types, sys
mod = types.ModuleType("dyn")
def __getattr__(name):
    if name.startswith("lazy_"):
        return name[5:].upper()
    raise AttributeError(f"module 'dyn' has no attribute {name!r}")
mod.__getattr__ = __getattr__
mod.__dir__ = lambda: ["a", "b"]
print(mod.lazy_value, getattr(mod, "lazy_x"), dir(mod))
try:
    mod.other
except AttributeError as e:
    print(e)
