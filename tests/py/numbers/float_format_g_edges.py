for v in (0.0, 1.0, 10.0, 100000.0, 1000000.0, 1e-4, 1e-5, 123.456, 0.000123456, 1.5e300, -2.5e-300, float("inf"), float("nan")):
    print(format(v, "g"), format(v, ".3g"), format(v, "#g"), format(v, ".0g"), format(v, "G"), "%g" % v, "%.10g" % v)
