(x for x in g)
