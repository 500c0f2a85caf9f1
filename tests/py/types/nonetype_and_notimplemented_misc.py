print(type(None)(), type(NotImplemented).__name__, bool(NotImplemented) if False else "skip", None.__class__, None.__bool__(), hash(None) == hash(None))
print(None.__eq__(None), None.__eq__(1), None.__ne__(0), None.__repr__(), str(None), f"{None}", "%s" % None, format(None, ""))
