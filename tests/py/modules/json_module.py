import json
data = {"name": "x", "list": [1, 2.5, None, True, False], "nested": {"a": "é"}}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True, indent=2))
print(json.dumps(data, ensure_ascii=False), json.dumps([1, 2], separators=(",", ":")))
print(json.loads(s) == data, json.loads('{"k": [1, {"z": null}]}'), json.loads("3.5"), json.loads('"\\u00e9"'))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print(e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
print(json.dumps(float("inf")), json.dumps("tab\t"), json.dumps({1: 2}), json.dumps((1, 2)))
