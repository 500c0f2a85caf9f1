x = '\N{NUL}'
