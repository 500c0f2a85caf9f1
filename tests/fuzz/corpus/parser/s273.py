x = a or b and not c
