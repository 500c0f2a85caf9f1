x = 1234.5678
print(format(x, ".2f"), format(x, "10.1f"), format(x, "e"), format(x, ".3e"), format(x, "g"), format(x, ".2g"))
print(format(x, ","), format(x, "_.1f"), format(x, "+.0f"), format(x, "%"), format(0.5, ".0%"))
print(format(1e-10, "g"), format(1e16, "g"), format(123456789.0, "g"), format(1.0, "g"), format(0.0001, "g"))
print(format(-0.0, "f"), format(float("inf"), "f"), format(float("nan"), "E"), format(1.5, "010.2f"), format(-1.5, "=+10.2f"))
print(format(3.0), format(3.0, ""), format(3.14, "n"), format(2.0, "#.0f"), format(1e5, ".0e"))
print("%.3g|%10.4e|%-10.2f|" % (0.00012345, 99999.5, 2.0))
