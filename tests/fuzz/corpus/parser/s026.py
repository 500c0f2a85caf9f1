while x:
    x -= 1
    if x == 3: break
    continue
else:
    done()
