print(all(ord(chr(i)) == i for i in range(0, 0x110000, 97)))
print("".join(chr(ord(c) + 1) for c in "HAL"))
