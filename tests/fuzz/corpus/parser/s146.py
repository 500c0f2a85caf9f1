print(*args, sep='', end='\n', file=sys.stderr)
