a = "abc"
b = a
a += "d"
print(a, b)
print("".join(["ab", "c"]) == "abc")
