f"{x!r:>{width}.{prec}}"
