def which():
    print("evaluating except expression")
    return KeyError
try:
    pass
except which():
    pass
try:
    raise KeyError
except which():
    print("caught via computed class")
try:
    try:
        raise ValueError
    except (KeyError, which()):
        pass
except ValueError:
    print("not matched")
