try:
    int("x")
except ValueError as e:
    e.args = ("rewritten message",)
    raise
