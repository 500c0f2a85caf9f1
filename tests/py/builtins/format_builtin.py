print(format(3.14159, ".3f"), format(42), format(42, "08b"), format("s", "^5"), format(1234567, ","), format(0.5, "%"))
print(format(True), format(None), format([1]), format(1e10, "e"), format(-42, "x"), format(10, "c"))
try:
    format(None, "d")
except TypeError as e:
    print(e)
