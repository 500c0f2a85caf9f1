class Error(Exception):
    pass
class ParseError(Error):
    def __init__(self, line, msg):
        super().__init__(f"line {line}: {msg}")
        self.line = line
raise ParseError(3, "unexpected token")
