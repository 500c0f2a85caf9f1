class NoHash:
    def __eq__(self, o): return True
print(NoHash.__hash__)
try:
    hash(NoHash())
except TypeError as e:
    print(e)
class Keep:
    def __eq__(self, o): return True
    __hash__ = object.__hash__
print(type(hash(Keep())).__name__)
class H:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
print(len({H(1), H(1), H(2)}))
class Sub(H):
    def __eq__(self, o): return False
print(Sub.__hash__)
