def f():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i == 1:
                break
            continue
    return i
print(f())
def g():
    try:
        try:
            raise ValueError("a")
        finally:
            return "g returned"
    except ValueError:
        return "caught"
print(g())
