print(f"{x:\n}")
