print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 0.0 == -0.0, 1e308 < float("inf"))
print(sorted([2.5, -1.0, float("inf"), 0.0, -float("inf")]))
print(max(1, 1.0), max(1.0, 1), min(0.0, -0.0), min(-0.0, 0.0))
