match x:
    case Cls(a=1, b): pass
