for x in y: continue
