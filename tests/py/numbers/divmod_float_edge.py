print(divmod(5.5, 1.5), divmod(-5.5, 1.5), 5.5 % -1.5, math_fmod := None)
import math
print(math.fmod(-5.5, 1.5), math.fmod(5.5, -1.5), math.remainder(5.5, 1.5))
