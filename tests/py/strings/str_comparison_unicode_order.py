words = ["zebra", "Zebra", "éclair", "eclair", "ångström", "apple", "Äpfel", "_x", "1abc", "🙂"]
print(sorted(words))
print(min(words), max(words), "a" < "ä" < "b" if False else ("a" < "ä", "ä" < "b"))
