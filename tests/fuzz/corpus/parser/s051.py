class E(*bases, **kw): pass
