def running_avg():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = round(total / count, 3)
ra = running_avg()
next(ra)
print([ra.send(v) for v in [10, 20, 5, 7.5]])
