import sys
print(format(1234567.891, ",.2f"), f"{1234567:_d}", "{:n}".format(1234))
