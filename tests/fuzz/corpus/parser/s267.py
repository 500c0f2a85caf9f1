x.  y
