class Config:
    def __init__(self):
        self.timeout = 30
        self.retries = 3
c = Config()
print(c.timeuot)
