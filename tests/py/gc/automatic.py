# Without explicit collect(), cyclic garbage is collected automatically
# once enough container objects have been allocated.
import gc

freed = 0


class Cyc:
    def __init__(self):
        self.me = self

    def __del__(self):
        global freed
        freed += 1


for i in range(50000):
    Cyc()
print(freed > 40000)
gc.disable()
before = freed
for i in range(5000):
    Cyc()
print(freed == before)
gc.enable()
