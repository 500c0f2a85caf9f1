for v in (0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 1234.5, -0.05, 9.995, 99.95):
    print(v, format(v, ".0f"), format(v, ".1f"), format(v, ".2f"), format(v, ".2e"), format(v, ".1%"))
