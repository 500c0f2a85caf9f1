match (x):
    case [a, *_, b]: pass
