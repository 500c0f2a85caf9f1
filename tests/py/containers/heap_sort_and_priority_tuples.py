import heapq
tasks = [(3, "c"), (1, "a"), (2, "b"), (1, "aa"), (5, "e")]
h = []
for t in tasks:
    heapq.heappush(h, t)
print([heapq.heappop(h) for _ in range(len(h))])
data = [5, 1, 8, 3, 9, 2]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
