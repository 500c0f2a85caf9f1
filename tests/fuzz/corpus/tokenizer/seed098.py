x = '\N{BEL}'
