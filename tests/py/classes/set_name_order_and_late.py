calls = []
class N:
    def __init__(self, label): self.label = label
    def __set_name__(self, owner, name):
        calls.append((self.label, owner.__name__, name))
class C:
    first = N("1")
    second = N("2")
    third = N("3")
print(calls)
C.late = N("late")
print(calls[-1])
