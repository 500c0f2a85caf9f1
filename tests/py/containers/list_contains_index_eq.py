class E:
    def __eq__(self, o):
        print("eq called")
        return True
l = [1, 2, E()]
print(5 in l)
print(l.count(99))
print([float("nan")].count(float("nan")))
n = float("nan")
print(n in [n], [n].index(n))
