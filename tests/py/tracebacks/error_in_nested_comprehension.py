rows = [[1, 2], [3, "x"], [5, 6]]
totals = [sum(r) for r in rows]
