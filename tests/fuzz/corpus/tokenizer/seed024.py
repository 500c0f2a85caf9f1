print(f'{x=}')
