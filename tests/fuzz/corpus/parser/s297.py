x = not not not not not not a
