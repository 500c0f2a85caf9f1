total_count = 0
def bump():
    return total_cont + 1
bump()
