print(not None, -True, +False, ~True, not [], not [[]])
