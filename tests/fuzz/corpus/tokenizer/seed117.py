x = f'{x}\n'
