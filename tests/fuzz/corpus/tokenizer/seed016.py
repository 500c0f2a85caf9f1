x = 0in y
