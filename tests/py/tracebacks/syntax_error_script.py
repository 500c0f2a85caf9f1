print("never runs")
x = (1 +
def f(:
    pass
