lambda a, /, b: a
