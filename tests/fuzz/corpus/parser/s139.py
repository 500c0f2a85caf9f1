{x: y for x, y in items}
