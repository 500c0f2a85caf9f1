print("%5s|%-5s|%05d|%.0s|" % ("abcdefg", "", -3, "gone"), "{:05}".format(-1.5), "{:^6.2f}".format(3.14159))
