print(f"{x}")
