class Global:
    def __del__(self):
        print("global finalized at exit")
g = Global()
print("script body done")
