import re
TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|(.))")
def tokenize(s):
    for num, op in TOKEN.findall(s):
        yield ("num", float(num)) if num else ("op", op)
class Parser:
    def __init__(self, text):
        self.toks = list(tokenize(text)) + [("end", None)]
        self.i = 0
    def peek(self): return self.toks[self.i]
    def take(self):
        t = self.toks[self.i]; self.i += 1; return t
    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            v = v + self.term() if op == "+" else v - self.term()
        return v
    def term(self):
        v = self.factor()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            v = v * self.factor() if op == "*" else v / self.factor()
        return v
    def factor(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if val == "(":
            v = self.expr(); self.take(); return v
        if val == "-":
            return -self.factor()
        raise SyntaxError(f"unexpected {val!r}")
for e in ("1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - -2", "2 * (3 + (4 - 1)) / 3"):
    print(e, "=", Parser(e).expr())
try:
    Parser("1 + * 2").expr()
except SyntaxError as err:
    print("error:", err)
