def dump(obj, indent=0):
    pad = "  " * indent
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f'{pad}  "{k}": {dump(v, indent + 1)}' for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, (list, tuple)):
        return "[" + ", ".join(dump(v, indent) for v in obj) + "]"
    if isinstance(obj, str):
        return '"' + obj.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if obj is None:
        return "null"
    if isinstance(obj, bool):
        return "true" if obj else "false"
    return repr(obj)
doc = {"name": "weft", "tags": ["a", 'q"uote', "line\nbreak"], "nested": {"ok": True, "none": None, "n": [1, 2.5, -3]}, "empty": {}}
print(dump(doc))
import json
print(json.loads(dump(doc)) == doc)
