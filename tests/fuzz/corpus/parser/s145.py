x = None, True, False, __debug__
