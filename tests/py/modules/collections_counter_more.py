from collections import Counter
c = Counter({"a": 3, "b": -1, "c": 0})
print(+c, -c, c.most_common(), list(c.elements()))
c.subtract({"a": 5})
print(c, c.total())
print(Counter("hello") | Counter("world"), Counter("aab") & Counter("abb"))
print(Counter(a=2) < Counter(a=3), Counter(a=1) == Counter(a=1, b=0), sorted(Counter("mississippi").items()))
