x = '\N{LINE FEED}'
