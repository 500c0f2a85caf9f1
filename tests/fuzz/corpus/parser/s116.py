x = a is b is not c in d not in e
