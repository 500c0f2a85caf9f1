inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("-NaN"))
print(inf + 1, inf - inf, inf * 0, nan > 1, nan < 1, nan != nan)
print(repr(inf), str(nan), int(1e18), float("  1.5 "), float("1_0.5"))
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0))
