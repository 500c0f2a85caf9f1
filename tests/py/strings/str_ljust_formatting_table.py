rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("kiwi", 10.0, 100)]
for name, price, qty in rows:
    print(f"{name:<8}|{price:>7.2f}|{qty:^5}|")
print("-" * 22)
print(f"{'total':<8}|{sum(p * q for _, p, q in rows):>7.2f}|")
