key = lambda item: item["priority"]
tasks = [{"priority": 1}, {"name": "x"}]
tasks.sort(key=key)
