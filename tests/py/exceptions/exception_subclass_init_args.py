class E(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b
e = E(1, 2)
print(e.args, str(e), repr(e), e.a)
class F(Exception):
    def __init__(self, msg):
        super().__init__(msg, "extra")
print(F("m").args, str(F("m")))
