match x:
    case {**rest}: pass
    case {"a": 1, **_}: pass
