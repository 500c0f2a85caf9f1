for s in ("abc", "1.2.3", "", " ", "1e", "0x10", "in f"):
    try:
        float(s)
    except ValueError as e:
        print(e)
try:
    float([])
except TypeError as e:
    print(e)
print(float("1e500"), float("-1e500"), float("1e-500"), float("+.5"), float("5."))
