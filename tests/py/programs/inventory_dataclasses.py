from dataclasses import dataclass, field
from typing import List
@dataclass(order=True)
class Item:
    price: float
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list, compare=False, repr=False)
@dataclass
class Inventory:
    items: List[Item] = field(default_factory=list)
    def add(self, *items):
        self.items.extend(items)
        return self
    def total(self):
        return round(sum(i.price for i in self.items), 2)
    def cheapest(self, n=2):
        return sorted(self.items)[:n]
inv = Inventory().add(Item(9.99, "book", ["paper"]), Item(1.5, "pen"), Item(24.0, "lamp"), Item(1.5, "clip"))
print(inv.total(), inv.cheapest(), max(inv.items).name, Item(1.5, "x") == Item(1.5, "y"))
print(inv.items[0])
