print('\0')
