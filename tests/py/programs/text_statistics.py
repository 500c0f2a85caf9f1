text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""
import re
from collections import Counter
words = re.findall(r"[a-z]+", text.lower())
c = Counter(words)
print(len(words), len(c), c.most_common(5))
print(sorted(w for w in c if len(w) > 7))
print({n: sorted(w for w in c if len(w) == n) for n in (5, 6)})
lines = text.splitlines()
print([len(l.split()) for l in lines], max(lines, key=len)[:20])
