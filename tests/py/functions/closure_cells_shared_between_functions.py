def make():
    items = []
    def add(x): items.append(x)
    def get(): return tuple(items)
    def reset():
        nonlocal items
        items = []
    return add, get, reset
add, get, reset = make()
add(1); add(2)
print(get())
reset(); add(3)
print(get(), add.__closure__[0].cell_contents is get.__closure__[0].cell_contents)
