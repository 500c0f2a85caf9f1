print("counter module body runs once")
count = 0
