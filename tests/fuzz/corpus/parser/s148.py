match x:
    case -1: pass
    case 1 + 2j: pass
    case -1.5 - 3j: pass
    case "a" "b": pass
    case b"x": pass
    case None | True | False: pass
    case a.b.c: pass
    case {1: _, "k": [*_]}: pass
    case (): pass
    case []: pass
    case (a,): pass
    case Cls(1, 2, k=3): pass
