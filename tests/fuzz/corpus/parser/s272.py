x = "{} {}".format(a, b)
