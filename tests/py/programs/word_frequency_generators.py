import re
text = "the cat sat on the mat the cat ran".split()
def ngrams(words, n):
    for i in range(len(words) - n + 1):
        yield tuple(words[i:i + n])
from collections import Counter
print(Counter(ngrams(text, 2)).most_common(3))
print(sorted(Counter(ngrams(text, 1)).items(), key=lambda kv: (-kv[1], kv[0]))[:4])
def sliding_max(seq, k):
    from collections import deque
    dq = deque()
    for i, v in enumerate(seq):
        while dq and seq[dq[-1]] <= v:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            yield seq[dq[0]]
print(list(sliding_max([1, 3, -1, -3, 5, 3, 6, 7], 3)))
