print(",".join(["a", "b", "c"]), "".join("xyz"), "-".join([]), " ".join(str(i) for i in range(4)))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(e)
try:
    ",".join(5)
except TypeError as e:
    print(e)
