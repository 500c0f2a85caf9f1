match (1, 2, 3):
    case (a, b, c):
        print(a, b, c)
match {"k": [1, {"x": "deep"}]}:
    case {"k": [_, {"x": val}]}:
        print(val)
x = 5
match x:
    case y:
        print("bound", y)
