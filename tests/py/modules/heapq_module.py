import heapq
h = []
for v in [5, 1, 8, 3, 2, 9]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(3)], h)
l = [9, 4, 7, 1]
heapq.heapify(l)
print(l, heapq.nlargest(2, [3, 1, 4, 1, 5]), heapq.nsmallest(2, [3, 1, 4, 1, 5]), heapq.heappushpop([1, 2], 0), heapq.heapreplace([1, 5], 3))
print(list(heapq.merge([1, 4, 7], [2, 5], [3])), heapq.nlargest(2, ["a", "bbb", "cc"], key=len))
