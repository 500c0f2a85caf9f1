import json
doc = {"name": "weft", "version": [0, 1], "features": {"gil": False, "threads": None, "ratio": 0.75}, "tags": ["a", "b\n", "é"], "empty": {}, "list": []}
s = json.dumps(doc, sort_keys=True)
print(s)
back = json.loads(s)
print(back == doc, json.dumps(back, indent=1, sort_keys=True).count("\n"))
print(json.loads("[1, 2.5e3, -0, true, null, \"\\u0041\"]"), json.dumps("\u2603"), json.dumps("\u2603", ensure_ascii=False))
