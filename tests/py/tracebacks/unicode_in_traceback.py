def grüße():
    raise ValueError("naïve café ✓")
grüße()
