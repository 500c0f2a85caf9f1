def m(cmd):
    match cmd:
        case ["go", direction] | ["move", direction]:
            return direction
        case {"x": 0, **rest}:
            return rest
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case [1, *others] as whole:
            return whole, others
        case str() | None:
            return None
        case _:
            return f"{cmd!r:>{10}}"
