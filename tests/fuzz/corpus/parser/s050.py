class D:
    """doc"""
    @staticmethod
    def s(): pass
    @property
    def p(self): return 1
