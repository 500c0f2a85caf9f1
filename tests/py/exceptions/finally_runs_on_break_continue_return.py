def f():
    out = []
    for i in range(4):
        try:
            if i == 0: continue
            if i == 2: break
            out.append(i)
        finally:
            out.append(f"fin{i}")
    return out
print(f())
