def check(v):
    assert v > 0, f"expected positive, got {v}"
check(-3)
