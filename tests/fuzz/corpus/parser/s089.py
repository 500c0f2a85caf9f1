"\x41\u00e9\U0001F600\N{BULLET}\t\n\\\'\""
