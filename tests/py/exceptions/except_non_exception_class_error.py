try:
    try:
        raise ValueError("v")
    except 5:
        pass
except TypeError as e:
    print(e)
try:
    try:
        raise ValueError("v")
    except (ValueError, 5) as e:
        print("matched first element", e)
except TypeError as e:
    print("TypeError", e)
