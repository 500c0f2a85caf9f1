# Cyclic objects still referenced from module globals at exit are
# finalized during shutdown, after the script's last line.
class Res:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("closing", self.name)


r = Res("module-global")
print("end of script")
