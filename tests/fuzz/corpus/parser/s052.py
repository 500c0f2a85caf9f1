lambda: 0
