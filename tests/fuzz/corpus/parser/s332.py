with (yield): pass
