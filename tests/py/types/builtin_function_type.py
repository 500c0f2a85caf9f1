print(type(len).__name__, len.__name__, type([].append).__name__, [].append.__name__, type(print).__name__)
print(len.__module__, callable(len), type(str.upper).__name__, type("a".upper).__name__)
