x = "%s %d" % (a, b)
