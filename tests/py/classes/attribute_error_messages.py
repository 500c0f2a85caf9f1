class C:
    def __init__(self): self.value = 1
c = C()
try:
    c.valeu
except AttributeError as e:
    print(e)
try:
    C.nothing
except AttributeError as e:
    print(e)
try:
    (1).foo
except AttributeError as e:
    print(e)
try:
    [].push
except AttributeError as e:
    print(e)
import math
try:
    math.tau2
except AttributeError as e:
    print(e)
