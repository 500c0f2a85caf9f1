log = []
def g(name, result):
    log.append(name)
    return result
def m(d):
    match d:
        case {"a": 1, **rest} if g("guard1", len(rest) > 1):
            return f"a=1 with big rest {sorted(rest)}"
        case {"a": 1, **rest} if g("guard2", True):
            return f"a=1 rest {rest}"
        case {"b": _}:
            return "has b"
    return "none"
print(m({"a": 1, "x": 2, "y": 3}), m({"a": 1}), m({"b": None, "a": 2}), m({}))
print(log)
from collections import OrderedDict, defaultdict
dd = defaultdict(int)
match dd:
    case {"missing": 0}:
        print("defaultdict default used")
    case _:
        print("mapping pattern uses get, no default created", dict(dd))
