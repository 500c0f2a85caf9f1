# Cyclic garbage left at exit (automatic collection disabled) is finalized
# at shutdown; its __del__ still sees the module's globals.
import gc

gc.disable()
closed = []


class Res:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        closed.append(self.name)
        print("closing", self.name, len(closed))


Res("garbage")
print("end of script")
