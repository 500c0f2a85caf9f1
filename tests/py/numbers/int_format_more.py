for n in (0, 7, -7, 255, 65536, -(2 ** 70)):
    print(format(n, "d"), format(n, "+d"), format(n, "#b"), format(n, "#o"), format(n, "#x"), format(n, "_b"), format(n, ",d"), format(n, "08d"), format(n, "<8d") + "|", format(n, "^9") + "|", format(n, "=+9d"))
