x = 1 # comment
# another
