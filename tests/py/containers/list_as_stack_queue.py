stack = []
for i in range(5):
    stack.append(i)
print([stack.pop() for _ in range(3)], stack)
from collections import deque
q = deque([1, 2, 3])
q.append(4); q.appendleft(0)
print(q.popleft(), q.pop(), q, list(q))
