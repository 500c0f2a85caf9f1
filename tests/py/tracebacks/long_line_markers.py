def compute(a, b, c):
    return a * b + c
values = {"x": 1, "y": 2}
result = compute(values["x"], values["y"], values["z"]) + compute(1, 2, 3)
