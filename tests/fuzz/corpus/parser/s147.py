match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        print("Origin")
    case {"x": x, **rest}:
        pass
    case [1, 2, *others]:
        pass
    case str() | bytes():
        pass
    case (1 | 2) as n if n > 1:
        pass
    case _:
        pass
