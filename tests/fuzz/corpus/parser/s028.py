for a, (b, c) in items: pass
