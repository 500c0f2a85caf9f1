match = [1, 2]
case = "not a keyword here"
print(match, case)
match match:
    case [1, *rest]:
        print("matched", rest)
_ = "underscore"
match _:
    case _:
        print("wildcard", _)
