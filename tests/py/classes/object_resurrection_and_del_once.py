saved = []
class Phoenix:
    def __del__(self):
        print("__del__ called")
        saved.append(self)
p = Phoenix()
del p
print(len(saved))
saved.clear()
print("cleared again")
