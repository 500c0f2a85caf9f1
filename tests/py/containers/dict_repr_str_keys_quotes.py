print({"a'b": 1, 'c"d': 2, "e'f\"g": 3, 1.0: "x", (1, "t"): None, b"k": b"v"})
print(str({"k": "v"}), repr({"k": "v"}))
