class OutOfStock(Exception):
    def __init__(self, item, wanted, have):
        super().__init__(f"{item}: wanted {wanted}, have {have}")
        self.item, self.wanted, self.have = item, wanted, have
class Store:
    def __init__(self):
        self._stock = {}
        self.log = []
    def add(self, item, n=1):
        self._stock[item] = self._stock.get(item, 0) + n
        self.log.append(f"+{n} {item}")
    def take(self, item, n=1):
        have = self._stock.get(item, 0)
        if n > have:
            raise OutOfStock(item, n, have)
        self._stock[item] = have - n
        if not self._stock[item]:
            del self._stock[item]
        self.log.append(f"-{n} {item}")
    @property
    def total(self):
        return sum(self._stock.values())
    def __contains__(self, item):
        return item in self._stock
    def __iter__(self):
        return iter(sorted(self._stock.items()))
s = Store()
for item, n in [("apple", 5), ("pear", 2), ("apple", 1), ("fig", 3)]:
    s.add(item, n)
s.take("pear", 2)
try:
    s.take("fig", 10)
except OutOfStock as e:
    print("error:", e, e.args, e.have)
print(list(s), s.total, "pear" in s, "fig" in s, s.log)
