class N:
    def __init__(self, v): self.v = v
    def __sub__(self, o): return f"N.sub({self.v},{o})"
    def __rsub__(self, o): return f"N.rsub({self.v},{o})"
    def __lt__(self, o): return f"lt({self.v},{o})"
    def __gt__(self, o): return f"gt({self.v},{o})"
print(N(1) - 5, 5 - N(1), N(1) < 3, 3 < N(1), 3 > N(2))
