from . import cycle_a
B = "b"
def get_a():
    return cycle_a.A
