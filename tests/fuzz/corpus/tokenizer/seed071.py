x=0b
