class JsonMixin:
    def to_dict(self): return dict(vars(self))
class EqMixin:
    def __eq__(self, o): return vars(self) == vars(o)
class P(JsonMixin, EqMixin):
    def __init__(self, a): self.a = a
print(P(1).to_dict(), P(1) == P(1), P(1) == P(2))
