x = rf'{x}\n'
