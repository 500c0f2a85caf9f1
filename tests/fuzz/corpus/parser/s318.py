type: int = 1
