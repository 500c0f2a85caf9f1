print('single', "double", '''triple
lines''', """also""")
print(r"raw\n", b"bytes", rb"\d", R"X\t")
print("concat" "enated", 'a' "b")
print("\x41\u00e9\U0001F600\N{BULLET}\101\t|")
print(len("\0"), "\\", '\'', "\"")
