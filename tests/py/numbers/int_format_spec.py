n = 1234567
print(format(n, ","), format(n, "_"), format(n, "_x"), format(n, "10,"), format(n, "<10"), format(n, "^12,"), format(-n, "015,"))
print(format(n, "+"), format(n, " "), format(-n, " "), format(65, "c"), format(n, "e"), format(n, ".2f"), format(n, "%"))
print(format(0, "#b"), format(255, "#010x"), format(-255, "#x"), format(10, "=+5"))
try:
    format(1.5, "d")
except ValueError as e:
    print(e)
try:
    format(5, "s")
except ValueError as e:
    print(e)
try:
    format(5, ",c")
except ValueError as e:
    print(e)
