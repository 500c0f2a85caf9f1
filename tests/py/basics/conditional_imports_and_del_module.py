import math as m
print(m.floor(2.5))
del m
try:
    m
except NameError as e:
    print(e)
import math
print(math.floor(2.5))
