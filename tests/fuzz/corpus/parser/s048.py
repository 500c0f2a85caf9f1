@(lambda f: f)
class C: pass
