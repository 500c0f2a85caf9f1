def walk(tree, depth=0):
    name, children = tree
    yield "  " * depth + name
    for c in children:
        yield from walk(c, depth + 1)
t = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [])])
print("\n".join(walk(t)))
