d = {"a": 1}
value = d["b"]
