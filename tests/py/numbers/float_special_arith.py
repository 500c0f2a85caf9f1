inf, nan = float("inf"), float("nan")
print(inf * -1, inf / inf, 0 * inf, inf - 1e308, -inf < -1e308, max(nan, 1), max(1, nan), min(inf, nan))
print(1 / inf, -1 / inf, inf ** 0, nan ** 0, 1 ** nan, 0.0 ** 0.0, (-0.0) ** 3)
import math
print(math.copysign(1, -0.0 * 5), math.floor(-0.0), math.isnan(inf - inf), math.fsum([inf, 1]), math.hypot(inf, nan))
