def step(cells):
    from collections import Counter
    counts = Counter((x + dx, y + dy) for x, y in cells for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy)
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in cells)}
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
cells = glider
for gen in range(8):
    cells = step(cells)
print(sorted(cells))
def render(cells, w=6, h=6):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(w)) for y in range(h))
print(render(cells))
