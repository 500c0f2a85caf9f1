x = '\N{BULLET}' '\u1234'
