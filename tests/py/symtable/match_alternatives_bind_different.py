match x:
    case [x] | [y]:
        pass
