def m(x):
    match x:
        case {"type": "point", "x": x0, "y": y0}:
            return f"point {x0},{y0}"
        case {"type": "circle", **rest}:
            return f"circle {sorted(rest.items())}"
        case {}:
            return "some mapping"
        case _:
            return "no"
print(m({"type": "point", "x": 1, "y": 2, "z": 3}))
print(m({"type": "circle", "r": 5, "c": 0}))
print(m({"other": 1}))
print(m([1]))
