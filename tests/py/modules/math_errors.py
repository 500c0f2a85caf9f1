import math
for f, a in [(math.sqrt, -1), (math.log, 0), (math.log, -1), (math.acos, 2), (math.factorial, 2.5), (math.factorial, -1), (math.exp, 1000)]:
    try:
        print(f(a))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
