from collections import ChainMap
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
cm = ChainMap(a, b)
print(cm["x"], cm["y"], cm["z"], len(cm), sorted(cm), cm.get("q", 0))
cm["w"] = 0
print(a, b)
child = cm.new_child({"x": 100})
print(child["x"], child.parents["x"])
