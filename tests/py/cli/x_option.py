import sys
print(sorted(sys._xoptions.items()))
